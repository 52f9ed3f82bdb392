import MiniSearch, { type SearchOptions } from 'minisearch';
import { stemmer } from 'stemmer';
import { limits } from './limits.js';
import type { Bundle, Claim, Section, Source } from './schema.js';
import { synonymGroups } from './synonyms.js';

/**
 * Search over the bundle, built once at start-up. MiniSearch does the ranking (BM25 with field boosts, prefix
 * and fuzzy matching); this module only chooses the documents and fields, the term processing, a small synonym
 * map, how a claim card's paraphrases add up to its score, and the rule that decides whether the best claim is
 * good enough to show as the answer.
 */

export interface Scored<T> {
  readonly item: T;
  readonly score: number;
}

export interface ClaimDecision {
  readonly query: string;
  /** The answer, or null when nothing clears the threshold: a weak match is never presented as the answer. */
  readonly match: Scored<Claim> | null;
  /** Other close claims (at least half the answer threshold's strength), best first, at most `ALTERNATIVES_MAX`. */
  readonly alternatives: readonly Scored<Claim>[];
  /** Sections closest to the query, for when the bundle does not cover it. */
  readonly related: readonly Section[];
}

export type SourceLookup = { readonly source: Source } | { readonly source: null; readonly nearest: readonly Source[] };

export const ALTERNATIVES_MAX = 4;
const RELATED_MAX = 3;
/** A card at a third of the answer threshold is not an answer, but its sections are a fair pointer. */
const RELATED_FRACTION = 3;
const NEAREST_MAX = 5;

// Common English words (NLTK's list without its negations and "only") and conversational filler.
const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its
  itself they them their theirs themselves what which who whom this that these those am is are was were be been being have
  has had having do does did doing a an the and but if or because as until while of at by for with about against between
  into through during before after above below to from up down in out on off over under again further then once here there
  when where why how all any both each few more most other some such own same so than too very s t can will just don
  should now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn weren
  won wouldn could would might may must shall also even though although still yet already another whats thats isnt dont
  doesnt didnt wasnt cant wont say says said saying thing things anything something stuff lot get got really actually
  basically literally honestly exactly wait ok okay yeah yes hey pls plz please lol lmao omg wow hmm huh btw imo tbh tldr
  eli5 like kind kinda sort sorta right someone somebody anyone anybody people guys folks u ur im gonna wanna gotta
  somewhere anywhere everything anyway whole seriously totally definitely apparently supposedly `.split(/\s+/),
);

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replaceAll('%', ' percent ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Ways of asking whether something holds; "true" and "real" here are not about genuineness, so they are dropped. */
const QUESTION_FRAMES = ['true or false', 'is it true', 'is this true', 'is that true', 'is it real', 'is this real', 'is that real'];

interface SynonymRun {
  readonly run: readonly string[];
  /** The group's term, or empty for a question frame. */
  readonly canonical: string;
}

/**
 * The stem sequence of every synonym phrase and question frame, filed under its first stem, longest first so
 * "not monitored" wins over "monitored".
 */
const synonymRuns = new Map<string, SynonymRun[]>();
for (const { phrase, canonical } of [
  ...synonymGroups.flatMap((group) => group.map((phrase) => ({ phrase, canonical: words(group[0] ?? '').join('') }))),
  ...QUESTION_FRAMES.map((phrase) => ({ phrase, canonical: '' })),
]) {
  const run = words(phrase).map(stemmer);
  const filed = synonymRuns.get(run[0] ?? '') ?? [];
  synonymRuns.set(
    run[0] ?? '',
    [...filed, { run, canonical }].sort((a, b) => b.run.length - a.run.length),
  );
}

/** The longest synonym phrase starting at `start`; a lone stop word ("actually" → "actual") is not one. */
function synonymAt(all: readonly string[], stems: readonly string[], start: number) {
  const candidates = synonymRuns.get(stems[start] ?? '') ?? [];
  const found = candidates.find(({ run }) => run.every((stem, offset) => stems[start + offset] === stem));
  return found?.run.length === 1 && STOP_WORDS.has(all[start] ?? '') ? undefined : found;
}

/**
 * Claim text as terms: lower-cased, stemmed ("trained", "training" → "train"), synonym phrases replaced by
 * their group's term, stop words and question frames dropped. Used for the cards and for queries.
 */
export function claimTerms(text: string): string[] {
  const all = words(text);
  const stems = all.map(stemmer);
  const terms: string[] = [];
  for (let at = 0; at < all.length; ) {
    const synonym = synonymAt(all, stems, at);
    if (synonym) {
      if (synonym.canonical) terms.push(synonym.canonical);
      at += synonym.run.length;
    } else {
      const word = all[at] ?? '';
      if (!STOP_WORDS.has(word)) terms.push(stems[at] ?? word);
      at += 1;
    }
  }
  return terms;
}

/** Autocomplete text: lower-cased only, so a half-typed word still prefix-matches. */
const plainTerm = (term: string) => term.toLowerCase();
const asIs = (term: string) => term;

/**
 * How a claim card is scored. A card's claim and each of its aliases are alternative phrasings of one statement,
 * so each is its own document and a query is matched against the card's best paraphrase; a second paraphrase
 * that also matches adds half its score, and the explanation and evidence add a tenth of theirs.
 */
const claimScore = { secondParaphrase: 0.5, support: 0.1 } as const;
/** The supporting text: what the evidence says weighs half what the explanation does. */
const supportBoost = { explanation: 1, evidence: 0.5 };
/** In coverage, a query term found only in a card's supporting text counts for this share of its weight. */
const SUPPORT_COVERAGE = 0.5;

/**
 * When the best card counts as the answer, calibrated on test/fixtures/claim-eval.yaml (tuned on its
 * even-numbered questions, checked on the odd ones). A query's meaning is the sum of its terms' rarity among the
 * cards (BM25's IDF), so a word no card uses weighs most.
 * - strength: the card's score per unit of that meaning; a question about something else shares only a few
 *   common words ("Claude", "model") and scores low per unit however long it is.
 * - coverage: the share of that meaning found in the card's best paraphrase (a term found only in its
 *   explanation or evidence counts half).
 * A strong match needs only a little coverage. A weak one (a terse question, or one padded with words no card
 * uses) must cover more of the question and lead the runner-up clearly: an off-topic question tends to touch
 * several cards equally weakly through a word or two they share, or to touch one card through names alone
 * ("the context window of Claude 3 Opus").
 */
export const claimThreshold = {
  strength: 2.5,
  coverage: 0.2,
  weak: { strength: 1, coverage: 0.4, margin: 1.2 },
} as const;

const autocompleteOptions: SearchOptions = {
  combineWith: 'AND',
  prefix: true,
  fuzzy: (term) => (term.length > 3 ? 0.2 : false),
};
const nearestOptions: SearchOptions = { combineWith: 'OR', prefix: true, fuzzy: 0.2 };
/** What source autocomplete and lookup match on; the note only helps find the nearest ones. */
const sourceFields = ['title', 'slug', 'people', 'aliases'];
const claimOptions: SearchOptions = {
  combineWith: 'OR',
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length > 4 ? 0.2 : false),
};

interface Doc {
  readonly id: string;
  readonly [field: string]: string;
}

function indexOf(boost: Record<string, number>, docs: Doc[], claimText = false) {
  const index = new MiniSearch<Doc>({
    fields: Object.keys(boost),
    storeFields: claimText ? ['card'] : [],
    ...(claimText ? { tokenize: claimTerms, processTerm: asIs } : { processTerm: plainTerm }),
    searchOptions: { boost },
  });
  index.addAll(docs);
  return index;
}

/** What a query matched on one card. */
interface CardMatch {
  /** Scores of the card's matching paraphrases, best first. */
  readonly paraphrases: number[];
  /** The query terms its best paraphrase matched. */
  terms: readonly string[];
  /** Score of its explanation and evidence, and the query terms they matched. */
  support: number;
  supportTerms: readonly string[];
}

export interface ClaimHit {
  readonly claim: Claim;
  /** The card's score (see `claimScore`) per unit of the query's meaning. */
  readonly strength: number;
  /** Share of the query's meaning its best paraphrase matches (half for terms only its supporting text has), 0–1. */
  readonly coverage: number;
}

function isAnswer(hit: ClaimHit | undefined, runnerUp: ClaimHit | undefined): hit is ClaimHit {
  if (hit === undefined) return false;
  if (hit.strength >= claimThreshold.strength && hit.coverage >= claimThreshold.coverage) return true;
  const { weak } = claimThreshold;
  const clear = runnerUp === undefined || hit.strength >= weak.margin * runnerUp.strength;
  return hit.strength >= weak.strength && hit.coverage >= weak.coverage && clear;
}

export class ContentSearch {
  private readonly sections: readonly Section[];
  private readonly sectionsById: ReadonlyMap<string, Section>;
  private readonly sourcesById: ReadonlyMap<string, Source>;
  private readonly claimsById: ReadonlyMap<string, Claim>;
  private readonly sectionIndex: MiniSearch<Doc>;
  private readonly sourceIndex: MiniSearch<Doc>;
  /** One document per paraphrase: a card's claim and each of its aliases. */
  private readonly paraphraseIndex: MiniSearch<Doc>;
  /** One document per card: its explanation and evidence. */
  private readonly supportIndex: MiniSearch<Doc>;
  /** How many cards use each term anywhere, for a query term's weight. */
  private readonly cardsUsing: ReadonlyMap<string, number>;
  /** Every word the cards and synonym phrases use, to correct a misspelt query word before it is stemmed. */
  private readonly vocabulary: MiniSearch<{ id: string }>;
  private readonly known: ReadonlySet<string>;

  constructor(bundle: Bundle) {
    this.sections = bundle.sections;
    this.sectionsById = new Map(bundle.sections.map((section) => [section.id, section]));
    this.sourcesById = new Map(bundle.sources.map((source) => [source.id, source]));
    this.claimsById = new Map(bundle.claims.map((claim) => [claim.id, claim]));

    const sectionDocs = bundle.sections.map((section) => ({
      id: section.id,
      title: section.title,
      slug: section.id,
      keyTerms: [section.summary, ...section.keyPoints].join('\n'),
    }));
    this.sectionIndex = indexOf({ title: 3, slug: 2, keyTerms: 1 }, sectionDocs);
    this.sourceIndex = indexOf(
      { title: 3, slug: 2, people: 2, aliases: 3, note: 0.5 },
      bundle.sources.map((source) => ({
        id: source.id,
        title: source.title,
        slug: source.id,
        people: [...(source.authors ?? []), source.publisher ?? ''].join('\n'),
        aliases: source.aliases.join('\n'),
        note: source.note,
      })),
    );
    this.paraphraseIndex = indexOf(
      { text: 1 },
      bundle.claims.flatMap((claim) =>
        [claim.claim, ...claim.aliases].map((text, at) => ({ id: `${claim.id}/${at}`, card: claim.id, text })),
      ),
      true,
    );
    this.supportIndex = indexOf(
      supportBoost,
      bundle.claims.map((claim) => ({
        id: claim.id,
        card: claim.id,
        explanation: claim.explanation,
        evidence: claim.evidence.map((item) => item.point).join('\n'),
      })),
      true,
    );
    const cardText = bundle.claims.map((claim) =>
      [claim.claim, ...claim.aliases, claim.explanation, ...claim.evidence.map((e) => e.point)].join('\n'),
    );
    const cardsUsing = new Map<string, number>();
    for (const term of cardText.flatMap((text) => [...new Set(claimTerms(text))])) cardsUsing.set(term, (cardsUsing.get(term) ?? 0) + 1);
    this.cardsUsing = cardsUsing;
    this.known = new Set([...cardText, ...synonymGroups.flat()].flatMap(words));
    this.vocabulary = new MiniSearch<{ id: string }>({ fields: ['id'], tokenize: (text) => [text], processTerm: asIs });
    this.vocabulary.addAll([...this.known].map((id) => ({ id })));
  }

  /**
   * The query with each word the cards never use replaced by one they do when it looks like a slip: one edit
   * away, or two letters swapped ("documnet", "opsu"), keeping the first letter. "reinforcment lerning" becomes
   * "reinforcement learning", so synonym phrases and stems apply; a real other word ("prediction", not in the
   * cards) is usually two different letters away and stays as it is.
   */
  corrected(query: string): string {
    return words(query)
      .map((word) => {
        if (word.length < 4 || this.known.has(word) || STOP_WORDS.has(word) || /\d/.test(word)) return word;
        const [near] = this.vocabulary.search(word, { fuzzy: 1, prefix: false });
        const swapped = () => this.vocabulary.search(word, { fuzzy: 2, prefix: false }).find((hit) => sameLetters(String(hit.id), word));
        const fix = String(near?.id ?? swapped()?.id ?? word);
        return fix[0] === word[0] ? fix : word;
      })
      .join(' ');
  }

  /** Sections for autocomplete: every match ranked first, then cut to what Discord shows. */
  rankSections(query: string, max: number = limits.choices): Section[] {
    if (query.trim() === '') return this.sections.slice(0, max);
    return this.ranked(this.sectionIndex, query, this.sectionsById).slice(0, max);
  }

  /** Sources for autocomplete over id, title, authors, publisher and aliases: all matches ranked, then cut. */
  rankSources(query: string, max: number = limits.choices): Source[] {
    if (query.trim() === '') return [...this.sourcesById.values()].slice(0, max);
    return this.ranked(this.sourceIndex, query, this.sourcesById, sourceFields).slice(0, max);
  }

  /** A source by id, exact title or alias, or every word of the query; otherwise the nearest ones. */
  findSource(query: string): SourceLookup {
    const wanted = query.trim().toLowerCase();
    const exact = [...this.sourcesById.values()].find(
      (source) =>
        source.id === wanted || source.title.toLowerCase() === wanted || source.aliases.some((alias) => alias.toLowerCase() === wanted),
    );
    if (exact) return { source: exact };
    const [best] = this.sourceIndex.search(query, { ...autocompleteOptions, fields: sourceFields });
    const found = best && this.sourcesById.get(best.id);
    if (found) return { source: found };
    const nearest = this.sourceIndex.search(query, nearestOptions).slice(0, NEAREST_MAX);
    return { source: null, nearest: nearest.flatMap((hit) => this.sourcesById.get(hit.id) ?? []) };
  }

  /** The claim card that answers what someone said, or null with related sections when nothing is close enough. */
  findClaim(query: string): ClaimDecision {
    const hits = this.rankClaims(query).map((hit) => ({ item: hit.claim, score: round(hit.strength), hit }));
    const [first, ...rest] = hits;
    const answer = isAnswer(first?.hit, rest[0]?.hit) ? first : undefined;
    const close = (answer ? rest : hits).filter(({ hit }) => hit.strength >= claimThreshold.strength / 2);
    return {
      query,
      match: answer ? { item: answer.item, score: answer.score } : null,
      alternatives: close.slice(0, ALTERNATIVES_MAX).map(({ item, score }) => ({ item, score })),
      related: answer ? [] : this.relatedSections(hits.map(({ hit }) => hit)),
    };
  }

  /** Every card that shares a term with the query, best first. */
  rankClaims(query: string): ClaimHit[] {
    const text = this.corrected(query);
    const weights = new Map(claimTerms(text).map((term) => [term, this.weightOf(term)]));
    const meaning = [...weights.values()].reduce((sum, weight) => sum + weight, 0) || 1;
    const share = (terms: readonly string[]) => terms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0) / meaning;
    const matches = new Map<string, CardMatch>();
    const matchOf = (card: unknown) => {
      const id = String(card);
      const found = matches.get(id) ?? { paraphrases: [], terms: [], support: 0, supportTerms: [] };
      matches.set(id, found);
      return found;
    };
    // Results come best first, so the first paraphrase of a card here is its best one.
    for (const result of this.paraphraseIndex.search(text, claimOptions)) {
      const match = matchOf(result.card);
      if (match.paraphrases.length === 0) match.terms = result.queryTerms;
      match.paraphrases.push(result.score);
    }
    for (const result of this.supportIndex.search(text, claimOptions)) {
      const match = matchOf(result.card);
      match.support = result.score;
      match.supportTerms = result.queryTerms;
    }
    const hits = [...matches].flatMap(([id, match]) => {
      const claim = this.claimsById.get(id);
      if (!claim) return [];
      const [best = 0, second = 0] = match.paraphrases;
      const score = best + claimScore.secondParaphrase * second + claimScore.support * match.support;
      const supportOnly = match.supportTerms.filter((term) => !match.terms.includes(term));
      const coverage = share(match.terms) + SUPPORT_COVERAGE * share(supportOnly);
      return [{ claim, strength: score / meaning, coverage: Math.min(1, coverage) }];
    });
    return hits.sort((a, b) => b.strength - a.strength);
  }

  /** Sections of the cards that came near the query, when none came near enough to answer it. */
  private relatedSections(hits: readonly ClaimHit[]): Section[] {
    const near = hits.filter((hit) => hit.strength >= claimThreshold.strength / RELATED_FRACTION);
    const ids = [...new Set(near.flatMap((hit) => hit.claim.sections))];
    return ids.flatMap((id) => this.sectionsById.get(id) ?? []).slice(0, RELATED_MAX);
  }

  private ranked<T>(index: MiniSearch<Doc>, query: string, byId: ReadonlyMap<string, T>, fields?: string[]): T[] {
    const options = fields ? { ...autocompleteOptions, fields } : autocompleteOptions;
    let hits = index.search(query, options);
    if (hits.length === 0) hits = index.search(query, fields ? { ...nearestOptions, fields } : nearestOptions);
    return hits.flatMap((hit) => byId.get(hit.id) ?? []);
  }

  /** Rarer terms carry more of a query's meaning: BM25's inverse document frequency over the cards. */
  private weightOf(term: string): number {
    const n = this.claimsById.size;
    const df = this.cardsUsing.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const sameLetters = (a: string, b: string) => [...a].sort().join('') === [...b].sort().join('');
