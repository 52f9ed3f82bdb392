import { LRUCache } from 'lru-cache';
import MiniSearch, { type SearchOptions } from 'minisearch';
import { claimTerms } from './terms.js';

/** One indexed wording (or a card's supporting text): `card` is the card it belongs to. */
export interface Doc {
  readonly id: string;
  readonly card: string;
  readonly [field: string]: string;
}

export interface TermHit {
  readonly id: string;
  readonly card: string;
  readonly score: number;
  /** The query's terms this document matched. */
  readonly queryTerms: readonly string[];
}

/**
 * No fuzzy or prefix matching: `ClaimIndex.corrected` has already fixed slips against the cards' own words, and
 * terms are stems, so a prefix only adds loose matches without changing a decision.
 */
const asIs = (term: string) => term;
/** The term is already one of claimTerms' terms: searched as it is. */
const oneTerm: SearchOptions = { prefix: false, fuzzy: false, tokenize: (term) => [term], processTerm: asIs };
/** Distinct terms remembered; members' chat reuses a few hundred words. */
const TERMS_REMEMBERED = 5_000;

/**
 * MiniSearch's BM25 over the cards, asked one term at a time and combined as its OR query combines them (the
 * scores summed, times the number of query terms matched). The words every card shares ("Claude", "fake",
 * "alignment") match nearly every document and cost most of a query; asked alone, each term's hits are
 * remembered, so a new sentence pays only for its new words.
 */
export class TermSearch {
  private readonly index: MiniSearch<Doc>;
  private readonly hits = new LRUCache<string, readonly { id: string; card: string; score: number }[]>({ max: TERMS_REMEMBERED });

  constructor(boost: Record<string, number>, docs: readonly Doc[]) {
    this.index = new MiniSearch<Doc>({
      fields: Object.keys(boost),
      storeFields: ['card'],
      tokenize: claimTerms,
      processTerm: asIs,
      searchOptions: { boost },
    });
    this.index.addAll(docs);
  }

  /** Every document sharing a term with the query's terms, best first. */
  search(terms: readonly string[]): TermHit[] {
    const combined = new Map<string, { id: string; card: string; score: number; queryTerms: string[] }>();
    for (const term of terms) {
      for (const hit of this.hitsOf(term)) {
        const found = combined.get(hit.id);
        if (found === undefined) combined.set(hit.id, { id: hit.id, card: hit.card, score: hit.score, queryTerms: [term] });
        else {
          found.score += hit.score;
          if (!found.queryTerms.includes(term)) found.queryTerms.push(term);
        }
      }
    }
    const results = [...combined.values()];
    for (const result of results) result.score *= result.queryTerms.length;
    return results.sort((a, b) => b.score - a.score);
  }

  private hitsOf(term: string) {
    let known = this.hits.get(term);
    if (known === undefined) {
      known = this.index.search(term, oneTerm).map((result) => ({ id: String(result.id), card: String(result.card), score: result.score }));
      this.hits.set(term, known);
    }
    return known;
  }
}
