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
  private readonly docs: readonly Doc[];
  private readonly positionOf: ReadonlyMap<string, number>;
  /** Per term, its documents (by position in `docs`) and their scores: flat arrays, not an object per hit, for the heap. */
  private readonly hits = new LRUCache<string, { readonly at: Int32Array; readonly scores: Float64Array }>({ max: TERMS_REMEMBERED });

  constructor(boost: Record<string, number>, docs: readonly Doc[]) {
    this.index = new MiniSearch<Doc>({
      fields: Object.keys(boost),
      tokenize: claimTerms,
      processTerm: asIs,
      searchOptions: { boost },
    });
    this.index.addAll(docs);
    this.docs = docs;
    this.positionOf = new Map(docs.map((doc, at) => [doc.id, at]));
  }

  /** Every document sharing a term with the query's terms, best first. */
  search(terms: readonly string[]): TermHit[] {
    const combined = new Map<number, { score: number; queryTerms: string[] }>();
    for (const term of terms) {
      const { at, scores } = this.hitsOf(term);
      for (let i = 0; i < at.length; i++) {
        const position = at[i] as number;
        const score = scores[i] as number;
        const found = combined.get(position);
        if (found === undefined) combined.set(position, { score, queryTerms: [term] });
        else {
          found.score += score;
          if (!found.queryTerms.includes(term)) found.queryTerms.push(term);
        }
      }
    }
    const results: TermHit[] = [];
    for (const [position, { score, queryTerms }] of combined) {
      const doc = this.docs[position];
      if (doc) results.push({ id: doc.id, card: doc.card, score: score * queryTerms.length, queryTerms });
    }
    return results.sort((a, b) => b.score - a.score);
  }

  private hitsOf(term: string) {
    let known = this.hits.get(term);
    if (known === undefined) {
      const found = this.index.search(term, oneTerm);
      known = {
        at: Int32Array.from(found, (result) => this.positionOf.get(String(result.id)) ?? -1),
        scores: Float64Array.from(found, (result) => result.score),
      };
      this.hits.set(term, known);
    }
    return known;
  }
}
