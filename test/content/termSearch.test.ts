import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { type Doc, TermSearch } from '../../src/content/claims/termSearch.js';
import { claimTerms } from '../../src/content/claims/terms.js';

const docs: Doc[] = [
  { id: 'a/0', card: 'a', text: 'Claude faked alignment in training to keep its values' },
  { id: 'a/1', card: 'a', text: 'Opus played along with training so it would not be changed' },
  { id: 'b/0', card: 'b', text: 'RL training raised alignment faking reasoning to 78%' },
  { id: 'c/0', card: 'c', text: 'Claude Sonnet fakes alignment more than Opus' },
];

/** The same query through MiniSearch's own OR search, for comparison. */
function miniSearchOr(query: string) {
  const index = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['card'], tokenize: claimTerms, processTerm: (term) => term });
  index.addAll(docs);
  return index
    .search(query, { combineWith: 'OR', prefix: false, fuzzy: false })
    .map((r) => ({ id: r.id, score: r.score, terms: r.queryTerms }));
}

/** Every document the search finds, best first: each card's, none left out. */
const ranking = (search: TermSearch, terms: readonly string[]) =>
  [...search.searchByCard(terms, Number.POSITIVE_INFINITY).values()].flat().sort((a, b) => b.score - a.score);

describe('TermSearch', () => {
  it('ranks and scores as MiniSearch does for the whole OR query, the second time from remembered terms too', () => {
    const search = new TermSearch({ text: 1 }, docs);
    for (const query of [
      'did claude fake alignment in training',
      'opus faked more than sonnet',
      'RL raised faking to 78%',
      'claude claude values',
    ]) {
      for (let time = 0; time < 2; time++) {
        const ours = ranking(search, claimTerms(query)).map((r) => ({ id: r.id, score: r.score, terms: r.queryTerms }));
        const theirs = miniSearchOr(query);
        expect(ours.map((r) => r.id)).toEqual(theirs.map((r) => r.id));
        for (const [at, result] of ours.entries()) {
          expect(result.score).toBeCloseTo(theirs[at]?.score ?? Number.NaN, 9);
          expect([...result.terms].sort()).toEqual([...(theirs[at]?.terms ?? [])].sort());
        }
      }
    }
  });

  it("keeps each card's best documents, best first, as the whole ranking would list them", () => {
    const search = new TermSearch({ text: 1 }, docs);
    const terms = claimTerms('did opus fake alignment in training to keep its values');
    const byCard = search.searchByCard(terms, 1);
    const whole = ranking(search, terms);
    expect([...byCard.keys()].sort()).toEqual([...new Set(whole.map((hit) => hit.card))].sort());
    for (const [card, hits] of byCard) expect(hits).toEqual(whole.filter((hit) => hit.card === card).slice(0, 1));
    expect(
      search
        .searchByCard(terms, 2)
        .get('a')
        ?.map((hit) => hit.id),
    ).toEqual(whole.filter((hit) => hit.card === 'a').map((hit) => hit.id));
  });
});
