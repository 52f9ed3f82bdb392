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
  /** Scratch space for one search, by document position: summed score, and which query terms matched (a bit each). */
  private readonly totals: Float64Array;
  private readonly finals: Float64Array;
  private matched = new Uint32Array(0);
  /** Each document's card, as an index into `cards`. */
  private readonly cardAt: Int32Array;
  private readonly cards: readonly string[];

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
    this.totals = new Float64Array(docs.length);
    this.finals = new Float64Array(docs.length);
    this.cards = [...new Set(docs.map((doc) => doc.card))];
    const cardIndex = new Map(this.cards.map((card, at) => [card, at]));
    this.cardAt = Int32Array.from(docs, (doc) => cardIndex.get(doc.card) ?? 0);
  }

  /**
   * Each card's best `kept` documents sharing a term with the query's terms, best first within the card: the words
   * every card shares match thousands of documents, so they are summed in flat arrays and only the kept become hits.
   */
  searchByCard(terms: readonly string[], kept: number): Map<string, TermHit[]> {
    const distinct = [...new Set(terms)];
    const words = Math.max(1, Math.ceil(distinct.length / 32));
    if (this.matched.length < this.docs.length * words) this.matched = new Uint32Array(this.docs.length * words);
    const touched = this.sum(terms, distinct, words);
    const { finals } = this;
    // Each card's best positions, best first; on a tie the one touched first stays ahead, as a stable sort keeps it.
    const best: (number[] | undefined)[] = [];
    const cardsInOrder: number[] = [];
    for (const position of touched) {
      const score = (this.totals[position] as number) * this.termCount(position, words);
      finals[position] = score;
      const card = this.cardAt[position] as number;
      const list = best[card];
      if (list === undefined) {
        best[card] = [position];
        cardsInOrder.push(card);
      } else if (list.length < kept || score > (finals[list[kept - 1] as number] as number)) {
        let at = list.length;
        while (at > 0 && (finals[list[at - 1] as number] as number) < score) at--;
        list.splice(at, 0, position);
        if (list.length > kept) list.pop();
      }
    }
    const results = new Map<string, TermHit[]>();
    for (const card of cardsInOrder) {
      const name = this.cards[card] as string;
      const hits = (best[card] ?? []).map((position) => ({
        id: this.docs[position]?.id ?? '',
        card: name,
        score: finals[position] as number,
        queryTerms: this.termsAt(position, distinct, words),
      }));
      results.set(name, hits);
    }
    for (const position of touched) {
      this.totals[position] = 0;
      this.matched.fill(0, position * words, position * words + words);
    }
    return results;
  }

  /** Sums each document's scores over the terms (a repeated term counts again, as in an OR query); the documents touched, first touched first. */
  private sum(terms: readonly string[], distinct: readonly string[], words: number): number[] {
    const touched: number[] = [];
    for (const term of terms) {
      const bit = distinct.indexOf(term);
      const word = bit >>> 5;
      const flag = 1 << (bit & 31);
      const { at, scores } = this.hitsOf(term);
      for (let i = 0; i < at.length; i++) {
        const position = at[i] as number;
        if (position < 0) continue;
        if (this.totals[position] === 0) touched.push(position);
        this.totals[position] = (this.totals[position] as number) + (scores[i] as number);
        this.matched[position * words + word] = (this.matched[position * words + word] as number) | flag;
      }
    }
    return touched;
  }

  private termCount(position: number, words: number): number {
    let count = 0;
    for (let word = 0; word < words; word++) {
      let flags = this.matched[position * words + word] as number;
      for (; flags !== 0; count++) flags &= flags - 1;
    }
    return count;
  }

  private termsAt(position: number, distinct: readonly string[], words: number): string[] {
    return distinct.filter((_, bit) => ((this.matched[position * words + (bit >>> 5)] as number) & (1 << (bit & 31))) !== 0);
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
