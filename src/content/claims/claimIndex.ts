import { LRUCache } from 'lru-cache';
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import type { Bundle, Claim } from '../schema.js';
import { withoutFrames } from './frames.js';
import { synonymGroups } from './synonyms.js';
import { TermSearch } from './termSearch.js';
import { claimTerms, STOP_WORDS, words } from './terms.js';

/**
 * Finds the claim cards nearest to what a member typed. MiniSearch does the ranking (BM25, prefix and fuzzy
 * matching) over one document per way a card can be said: its claim, each alias, and each misreading. Whether
 * the member said *that* is decided elsewhere (`judge.ts`, `reversal.ts`, `details.ts`); this module only ranks.
 */

/** Which statement of a card a paraphrase belongs to: the card's own claim, or one of its misreadings. */
export type Reading = { readonly kind: 'claim' } | { readonly kind: 'misreading'; readonly at: number };

export interface Paraphrase {
  readonly text: string;
  readonly reading: Reading;
  readonly score: number;
  /** Share of the query's meaning this wording matches, 0–1. */
  readonly coverage: number;
  /** Share of the wording's own meaning the query says, 0–1. */
  readonly recall: number;
}

export interface ClaimHit {
  readonly claim: Claim;
  /** The card's score (see `claimScore`) per unit of the query's meaning. */
  readonly strength: number;
  /** Share of the query's meaning its best paraphrase matches (half for terms only its supporting text has), 0–1. */
  readonly coverage: number;
  /**
   * Share of the query's meaning that none of the card's own wordings (claim, aliases, misreadings) contains; a term
   * its explanation or evidence uses counts three-quarters.
   */
  readonly unexplained: number;
  /** Share of the query's meaning in words no card uses at all. */
  readonly foreign: number;
  /** The card's paraphrases that matched, best first. */
  readonly paraphrases: readonly Paraphrase[];
}

/**
 * How a claim card is scored. Each paraphrase is its own document and a query is matched against the card's best
 * one; a second paraphrase that also matches adds half its score, and the explanation and evidence a tenth of theirs.
 */
const claimScore = { secondParaphrase: 0.5, support: 0.1 } as const;
const supportBoost = { explanation: 1, evidence: 0.5 };
/**
 * The least weight of a term in a query's meaning. Words nearly every card uses ("Claude", "alignment", "faking")
 * still say what the sentence is about; without a floor one rare word beside them ("pick") carried it all.
 */
const MEANING_FLOOR = 0.3;
/** In coverage, a query term found only in a card's supporting text counts for this share of its weight. */
const SUPPORT_COVERAGE = 0.5;
/** A query term none of a card's wordings uses but its explanation or evidence does is this much explained. */
const SUPPORT_EXPLAINS = 0.25;

/** The judge reads a card's best few wordings; the rest only count as the card's second-best score. */
const PARAPHRASES_KEPT = 8;

/** Every way a card can be said, each tagged with the statement it makes. */
export function wordingsOf(claim: Claim): { text: string; reading: Reading }[] {
  return [
    ...[claim.claim, ...claim.aliases].map((text) => ({ text, reading: { kind: 'claim' } as const })),
    ...claim.misreadings.map((misreading, at) => ({ text: misreading.text, reading: { kind: 'misreading', at } as const })),
  ];
}

export class ClaimIndex {
  private readonly claimsById: ReadonlyMap<string, Claim>;
  private readonly paraphraseIndex: TermSearch;
  private readonly supportIndex: TermSearch;
  private readonly paraphrases: ReadonlyMap<string, { text: string; reading: Reading }>;
  /** Terms of each card's own wordings, to see what part of a query a card does not speak to. */
  private readonly wordingTerms: ReadonlyMap<string, ReadonlySet<string>>;
  /** Terms of each card's explanation and evidence. */
  private readonly supportTerms: ReadonlyMap<string, ReadonlySet<string>>;
  /** How many cards use each term anywhere, for a query term's weight. */
  private readonly cardsUsing: ReadonlyMap<string, number>;
  /** The card that alone uses a term, for each term only one card uses. */
  private readonly onlyCard: ReadonlyMap<string, string>;
  /** Every word the cards and synonym phrases use, to correct a misspelt query word before it is stemmed. */
  private readonly vocabulary: MiniSearch<{ id: string }>;
  private readonly known: ReadonlySet<string>;
  /** Words already corrected (or found to be no slip): chat words come back, and each costs two fuzzy searches. */
  private readonly fixes = new LRUCache<string, string>({ max: 5_000 });
  /** Their stems: "correct" is not a slip for "corrects". */
  private readonly knownStems: ReadonlySet<string>;
  /** Each wording's own meaning: the summed weight of its terms, for how much of it a query says. */
  private readonly meaningOf: ReadonlyMap<string, number>;

  constructor(bundle: Bundle) {
    this.claimsById = new Map(bundle.claims.map((claim) => [claim.id, claim]));
    const paraphrases = new Map<string, { text: string; reading: Reading }>();
    // Members' phrasings carry frames ("i saw in a news article last week that…"): indexed, those words would match a
    // member's own chat ("…this week, anyone seen it?") as if it were the claim.
    for (const claim of bundle.claims) {
      for (const [at, wording] of wordingsOf(claim).entries())
        paraphrases.set(`${claim.id}/${at}`, { ...wording, text: withoutFrames(wording.text) });
    }
    this.paraphrases = paraphrases;
    this.paraphraseIndex = new TermSearch(
      { text: 1 },
      [...paraphrases].map(([id, { text }]) => ({ id, card: id.slice(0, id.lastIndexOf('/')), text })),
    );
    this.supportIndex = new TermSearch(
      supportBoost,
      bundle.claims.map((claim) => ({
        id: claim.id,
        card: claim.id,
        explanation: claim.explanation,
        evidence: claim.evidence.map((item) => item.point).join('\n'),
      })),
    );
    this.wordingTerms = new Map(
      bundle.claims.map((claim) => [claim.id, new Set(wordingsOf(claim).flatMap(({ text }) => claimTerms(text)))]),
    );
    this.supportTerms = new Map(bundle.claims.map((claim) => [claim.id, new Set(claimTerms(supportText(claim)))]));
    const cardText = bundle.claims.map((claim) => [...wordingsOf(claim).map(({ text }) => text), supportText(claim)].join('\n'));
    const cardsUsing = new Map<string, number>();
    const onlyCard = new Map<string, string>();
    for (const [at, text] of cardText.entries()) {
      for (const term of new Set(claimTerms(text))) {
        cardsUsing.set(term, (cardsUsing.get(term) ?? 0) + 1);
        onlyCard.set(term, bundle.claims[at]?.id ?? '');
      }
    }
    for (const [term, count] of cardsUsing) if (count > 1) onlyCard.delete(term);
    this.cardsUsing = cardsUsing;
    this.onlyCard = onlyCard;
    this.known = new Set([...cardText, ...synonymGroups.flat()].flatMap(words));
    this.knownStems = new Set([...this.known].map(stemmer));
    this.meaningOf = new Map(
      [...paraphrases].map(([id, { text }]) => [
        id,
        [...new Set(claimTerms(text))].reduce((sum, term) => sum + this.weightOf(term), 0) || 1,
      ]),
    );
    this.vocabulary = new MiniSearch<{ id: string }>({ fields: ['id'], tokenize: (text) => [text], processTerm: (term) => term });
    this.vocabulary.addAll([...this.known].map((id) => ({ id })));
  }

  /**
   * The query with each word the cards never use replaced by one they do when it looks like a slip: two
   * letters swapped ("documnet", "opsu"), or one edit away, keeping the first letter and never making a
   * common word other than chat filler (`FILLER`). A real other word
   * ("prediction", not in the cards) is usually two different letters away and stays as it is.
   */
  corrected(query: string): string {
    return words(query)
      .map((word) => this.fixed(word))
      .join(' ');
  }

  /**
   * `text` as written, with each slip corrected in place: members' phrasings are kept as typed but for their typos. A
   * word with a digit is a name or figure ("qwen3-8b"), never a slip.
   */
  respelled(text: string): string {
    return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
      const fixed = this.fixed(word.toLowerCase());
      return fixed === word.toLowerCase() ? word : fixed;
    });
  }

  private fixed(word: string): string {
    if (word.length < 4 || this.known.has(word) || this.knownStems.has(stemmer(word)) || STOP_WORDS.has(word) || /\d/.test(word))
      return word;
    const known = this.fixes.get(word);
    if (known !== undefined) return known;
    const fix = this.fixOf(word);
    this.fixes.set(word, fix);
    return fix;
  }

  /** Two swapped letters are the commonest slip ("teir"), so they win over a one-letter edit ("their"). */
  private fixOf(word: string): string {
    const sameStart = (hit: { id: unknown }) => String(hit.id)[0] === word[0];
    const swapped = this.vocabulary
      .search(word, { fuzzy: 2, prefix: false })
      .find((hit) => sameStart(hit) && sameLetters(String(hit.id), word));
    const near = () =>
      this.vocabulary
        .search(word, { fuzzy: 1, prefix: false })
        .find((hit) => sameStart(hit) && (!STOP_WORDS.has(String(hit.id)) || FILLER.has(String(hit.id))));
    return String(swapped?.id ?? near()?.id ?? word);
  }

  /** Every card that shares a term with the (already corrected) query, best first. */
  rank(text: string): ClaimHit[] {
    const terms = claimTerms(text);
    const weights = new Map(terms.map((term) => [term, this.weightOf(term)]));
    const meaning = [...weights.values()].reduce((sum, weight) => sum + weight, 0) || 1;
    const share = (terms: Iterable<string>) => {
      let sum = 0;
      for (const term of terms) sum += weights.get(term) ?? 0;
      return sum / meaning;
    };
    const matches = new Map<
      string,
      { paraphrases: Paraphrase[]; terms: readonly string[]; support: number; supportTerms: readonly string[] }
    >();
    const matchOf = (card: string) => {
      let found = matches.get(card);
      if (found === undefined) {
        found = { paraphrases: [], terms: [], support: 0, supportTerms: [] };
        matches.set(card, found);
      }
      return found;
    };
    // Each card's paraphrases come best first, so its first one here is its best one.
    for (const [card, results] of this.paraphraseIndex.searchByCard(terms, PARAPHRASES_KEPT)) {
      const match = matchOf(card);
      match.terms = results[0]?.queryTerms ?? [];
      for (const result of results) {
        const wording = this.paraphrases.get(result.id);
        if (!wording) continue;
        const covered = share(result.queryTerms);
        const recall = Math.min(1, (covered * meaning) / (this.meaningOf.get(result.id) ?? 1));
        match.paraphrases.push({
          text: wording.text,
          reading: wording.reading,
          score: result.score,
          coverage: Math.min(1, covered),
          recall,
        });
      }
    }
    for (const [card, [result]] of this.supportIndex.searchByCard(terms, 1)) {
      if (result === undefined) continue;
      const match = matchOf(card);
      match.support = result.score;
      match.supportTerms = result.queryTerms;
    }
    // A figure the card does not use is a detail for details.ts to check, not something the card is silent on.
    const said = [...weights.keys()].filter((term) => !isFigure(term));
    const foreign = share(said.filter((term) => !this.cardsUsing.has(term)));
    const hits = [...matches].flatMap(([id, match]) => {
      const claim = this.claimsById.get(id);
      if (!claim) return [];
      const [best = 0, second = 0] = match.paraphrases.map((p) => p.score);
      const score = best + claimScore.secondParaphrase * second + claimScore.support * match.support;
      const supportOnly = match.supportTerms.filter((term) => !match.terms.includes(term));
      const coverage = share(match.terms) + SUPPORT_COVERAGE * share(supportOnly);
      const own = this.wordingTerms.get(id) ?? new Set();
      const support = this.supportTerms.get(id) ?? new Set();
      const missing = said.filter((term) => !own.has(term) && this.cardsUsing.has(term));
      const unexplained = share(missing) - SUPPORT_EXPLAINS * share(missing.filter((term) => support.has(term)));
      return [{ claim, strength: score / meaning, coverage: Math.min(1, coverage), unexplained, foreign, paraphrases: match.paraphrases }];
    });
    return hits.sort((a, b) => b.strength - a.strength);
  }

  /** The share of a query's meaning (its terms) that these of its terms carry, weighed as `rank` weighs them. */
  shareOf(terms: readonly string[], part: ReadonlySet<string>): number {
    const weigh = (list: readonly string[]) => [...new Set(list)].reduce((sum, term) => sum + this.weightOf(term), 0);
    return weigh(terms.filter((term) => part.has(term))) / (weigh(terms) || 1);
  }

  /** Whether one of the card's own wordings (claim, aliases, misreadings) uses the term. */
  inWordings(card: string, term: string): boolean {
    return this.wordingTerms.get(card)?.has(term) === true;
  }

  /** The share of these terms' meaning (figures aside) that none of this card's own wordings contains, in any word. */
  unsaidBy(card: string, terms: readonly string[]): number {
    const said = terms.filter((term) => !isFigure(term));
    return this.shareOf(said, new Set(said.filter((term) => !this.inWordings(card, term))));
  }

  /** The cards that alone use one of these terms anywhere ("stackelberg"); figures are not words of a card. */
  soleUsers(terms: readonly string[]): ReadonlySet<string> {
    return new Set(terms.flatMap((term) => (/\d/.test(term) ? [] : (this.onlyCard.get(term) ?? []))));
  }

  /** Rarer terms carry more of a query's meaning: BM25's inverse document frequency over the cards. */
  private weightOf(term: string): number {
    const n = this.claimsById.size;
    const df = this.cardsUsing.get(term) ?? 0;
    // A figure no card gives ("around 40 points") is a detail for details.ts to check, not what the sentence is about:
    // weighed as the rarest word it would have drowned the words the sentence shares with its card. A year may date
    // something no card speaks of ("started in 2021"), so it keeps its weight.
    if (df === 0 && isFigure(term) && !isYear(term)) return MEANING_FLOOR;
    return Math.max(MEANING_FLOOR, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
}

const supportText = (claim: Claim) => [claim.explanation, ...claim.evidence.map((item) => item.point)].join('\n');

const isYear = (term: string) => /^(?:19|20)\d\d$/.test(term);

const isFigure = (term: string) => /^\d+(?:\.\d+)?$/.test(term) || term === 'percent';

/**
 * Chat filler a slip may be made of ("basicaly", "generaly"): corrected into it, the slip is dropped as the word would
 * be, where left as it is it weighs as a word no card uses. Other common words stay out of reach: a word one edit from
 * one is as often a word of its own, and made a common word it drops out of the sentence's meaning.
 */
const FILLER = new Set([
  'basically',
  'actually',
  'really',
  'definitely',
  'probably',
  'literally',
  'honestly',
  'seriously',
  'totally',
  'apparently',
  'supposedly',
  'generally',
  'typically',
]);

const sameLetters = (a: string, b: string) => [...a].sort().join('') === [...b].sort().join('');
