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
const bestFirst = (a: TermHit, b: TermHit) => b.score - a.score;
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

  /**
   * Each card's best `kept` documents sharing a term with the query's terms, best first within the card: the words
   * every card shares match hundreds of documents, and sorting them all for a card's first few cost most of a search.
   */
  searchByCard(terms: readonly string[], kept: number): Map<string, TermHit[]> {
    const byCard = new Map<string, TermHit[]>();
    for (const hit of this.hitsFor(terms)) {
      const hits = byCard.get(hit.card);
      if (hits === undefined) byCard.set(hit.card, [hit]);
      else hits.push(hit);
    }
    for (const [card, hits] of byCard) if (hits.length > 1) byCard.set(card, hits.sort(bestFirst).slice(0, kept));
    return byCard;
  }

  /** Every document sharing a term with the query's terms, in no order. */
  private hitsFor(terms: readonly string[]): TermHit[] {
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
    return results;
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
