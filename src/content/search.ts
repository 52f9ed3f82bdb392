import MiniSearch, { type SearchOptions } from 'minisearch';
import { stemmer } from 'stemmer';
import { limits } from './limits.js';
import type { Bundle, Claim, Section, Source } from './schema.js';
import { synonymGroups } from './synonyms.js';

/**
 * Search over the bundle, built once at start-up. MiniSearch does the ranking (BM25 with field boosts, prefix
 * and fuzzy matching); this module only chooses the fields, the term processing, a small synonym map and the
 * rule that decides whether the best claim is good enough to show as the answer.
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

/** One canonical stem sequence per synonym phrase, longest first so "not monitored" wins over "monitored". */
const synonymRuns = synonymGroups
  .flatMap((group) => group.map((phrase) => ({ run: words(phrase).map(stemmer), canonical: words(group[0] ?? '').join('') })))
  .sort((a, b) => b.run.length - a.run.length);

/** The longest synonym phrase starting at `start`; a lone stop word ("actually" → "actual") is not one. */
function synonymAt(all: readonly string[], stems: readonly string[], start: number) {
  const found = synonymRuns.find(({ run }) => run.every((stem, offset) => stems[start + offset] === stem));
  return found?.run.length === 1 && STOP_WORDS.has(all[start] ?? '') ? undefined : found;
}

/**
 * Claim text as terms: lower-cased, stemmed ("trained", "training" → "train"), synonym phrases replaced by
 * their group's term, stop words dropped. Used for the cards and for queries.
 */
export function claimTerms(text: string): string[] {
  const all = words(text);
  const stems = all.map(stemmer);
  const terms: string[] = [];
  for (let at = 0; at < all.length; ) {
    const synonym = synonymAt(all, stems, at);
    if (synonym) {
      terms.push(synonym.canonical);
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

/** Field boosts for claim cards: the claim and its paraphrases say what a card is about, the rest supports it. */
const claimBoost = { claim: 2, aliases: 2, explanation: 1, evidence: 0.5 };

/**
 * When the best card counts as the answer, calibrated on test/fixtures/claim-eval.yaml. A query's meaning is
 * the sum of its terms' rarity among the cards (BM25's IDF), so a word no card uses weighs most.
 * - strength: the card's BM25 score per unit of that meaning; a question about something else shares only a
 *   few common words ("Claude", "model") and scores low per unit however long it is.
 * - coverage: the share of that meaning the card matches at all.
 */
export const claimThreshold = { strength: 6, coverage: 0.25 } as const;

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
    ...(claimText ? { tokenize: claimTerms, processTerm: asIs } : { processTerm: plainTerm }),
    searchOptions: { boost },
  });
  index.addAll(docs);
  return index;
}

export interface ClaimHit {
  readonly claim: Claim;
  /** BM25 score per unit of the query's meaning. */
  readonly strength: number;
  /** Share of the query's meaning this card matches, 0–1. */
  readonly coverage: number;
}

const isAnswer = (hit: ClaimHit | undefined): hit is ClaimHit =>
  hit !== undefined && hit.strength >= claimThreshold.strength && hit.coverage >= claimThreshold.coverage;

export class ContentSearch {
  private readonly sections: readonly Section[];
  private readonly sectionsById: ReadonlyMap<string, Section>;
  private readonly sourcesById: ReadonlyMap<string, Source>;
  private readonly claimsById: ReadonlyMap<string, Claim>;
  private readonly sectionIndex: MiniSearch<Doc>;
  private readonly sourceIndex: MiniSearch<Doc>;
  private readonly claimIndex: MiniSearch<Doc>;
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
    this.claimIndex = indexOf(
      claimBoost,
      bundle.claims.map((claim) => ({
        id: claim.id,
        claim: claim.claim,
        aliases: claim.aliases.join('\n'),
        explanation: claim.explanation,
        evidence: claim.evidence.map((item) => item.point).join('\n'),
      })),
      true,
    );
    const cardText = bundle.claims.flatMap((claim) => [
      claim.claim,
      ...claim.aliases,
      claim.explanation,
      ...claim.evidence.map((e) => e.point),
    ]);
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
        const swapped = this.vocabulary.search(word, { fuzzy: 2, prefix: false }).find((hit) => sameLetters(String(hit.id), word));
        const fix = String(near?.id ?? swapped?.id ?? word);
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
    const answer = isAnswer(first?.hit) ? first : undefined;
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
    return this.claimIndex.search(text, claimOptions).flatMap((result) => {
      const claim = this.claimsById.get(String(result.id));
      if (!claim) return [];
      const covered = result.queryTerms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0);
      return [{ claim, strength: result.score / meaning, coverage: Math.min(1, covered / meaning) }];
    });
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
    const df = this.claimIndex.search(term, { tokenize: (text) => [text], prefix: false, fuzzy: false }).length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const sameLetters = (a: string, b: string) => [...a].sort().join('') === [...b].sort().join('');
