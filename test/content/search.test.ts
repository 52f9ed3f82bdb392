import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ClaimIndex } from '../../src/content/claims/claimIndex.js';
import { ALTERNATIVES_MAX, ClaimJudge, claimThreshold } from '../../src/content/claims/judge.js';
import { claimTerms } from '../../src/content/claims/terms.js';
import { limits } from '../../src/content/limits.js';
import { loadBundleOrThrow } from '../../src/content/loader.js';
import type { Bundle, Section } from '../../src/content/schema.js';
import { ContentSearch } from '../../src/content/search.js';

const FIXTURE = 'test/fixtures/search-bundle';

let bundle: Bundle;
let search: ContentSearch;
let judge: ClaimJudge;
beforeAll(async () => {
  bundle = await loadBundleOrThrow(FIXTURE);
  search = new ContentSearch(bundle);
  judge = new ClaimJudge(bundle);
});

const answer = (text: string) => {
  const { outcome } = judge.decide(text);
  return outcome.kind === 'verdict' ? outcome.claim.id : null;
};

describe('claim terms', () => {
  it('folds irregular verb forms the stemmer leaves apart ("wrote", "written" → write)', () => {
    const sorted = (text: string) => claimTerms(text).sort();
    expect(sorted('the documents were written by a model')).toEqual(sorted('a model wrote the documents'));
  });

  it('stems words and drops stop words', () => {
    expect(claimTerms('The model was training')).toEqual(claimTerms('models trained'));
    expect(claimTerms('is it the')).toEqual([]);
  });

  it('drops chat framing: filler words and connectives whose words mean something else alone', () => {
    expect(claimTerms('tl;dr iirc opus seems to have faked alignment a bit in order to keep its values, of course')).toEqual(
      claimTerms('opus faked alignment to keep its values'),
    );
  });

  it.each([
    ['unmonitored', 'paid tier'],
    ['nobody watching', 'the paid users'],
    ['reinforcement learning', 'RL'],
    ['chain of thought', 'scratchpad'],
    ['Claude 3 Opus', 'opus'],
    ['pretended', 'faked'],
    ['14%', '14 percent'],
    ['went up', 'rose'],
    ['training objective', 'training goal'],
    ['asked it to lie', 'told it to lie'],
    ['twenty models', '20 models'],
    ['it clocked the conflict', 'it noticed the conflict'],
    ['its prefs', 'its preferences'],
    ['4o', 'GPT-4o'],
  ])('treats "%s" and "%s" as the same thing', (a, b) => {
    expect(claimTerms(a)).toEqual(claimTerms(b).filter((term) => term !== 'user'));
  });

  it('prefers the longest phrase: "not monitored" is the paid tier, "monitored" the free tier', () => {
    expect(claimTerms('not monitored')).toEqual(claimTerms('paid tier'));
    expect(claimTerms('monitored')).toEqual(claimTerms('free tier'));
  });

  it('drops question frames: "is it true" and "true or false" ask about the claim, they are not "genuine"', () => {
    expect(claimTerms('is it true that Claude escaped')).toEqual(claimTerms('Claude escaped'));
    expect(claimTerms('RL made it worse, true or false?')).toEqual(claimTerms('RL made it worse'));
    expect(claimTerms('its true values')).toEqual(claimTerms('its genuine values'));
  });

  it('does not turn a filler word into a synonym ("actually" is not "actual")', () => {
    expect(claimTerms('actually')).toEqual([]);
    expect(claimTerms('actual')).toEqual(claimTerms('genuine'));
  });
});

describe('claim search', () => {
  const asked = [
    ['the model played along during training so its values would stay the same', 'faked-to-avoid-retraining'],
    ['after reinforcement learning how much did the faking increase', 'rl-raised-faking'],
    ['when nobody was watching did it say no to harmful stuff', 'paid-tier-refused'],
    ['is the chain of thought a faithful window into what it thinks', 'scratchpad-true-thoughts'],
    ['the experimenters told it to be deceptive', 'researchers-told-it-to-fake'],
    ['is this just the backdoor sleeper agents thing again', 'same-as-sleeper-agents'],
  ] as const;

  it('answers half the paraphrases with their card, and none with another card ("not sure" is allowed)', () => {
    const answers = asked.map(([text]) => answer(text));
    expect(answers.filter((id, at) => id !== null && id !== asked[at]?.[1])).toEqual([]);
    expect(answers.filter((id) => id !== null).length).toBeGreaterThanOrEqual(3);
  });

  it('finds a card through typos', () => {
    expect(answer('did reinforcment lerning raise the faking')).toBe('rl-raised-faking');
  });

  it('respells a phrasing in place: its slips corrected, its case, figures and punctuation kept', () => {
    const index = new ClaimIndex(bundle);
    expect(index.respelled('After RL, 78% of the time the scrathpad had faking reasoning on qwen3-8b?')).toBe(
      'After RL, 78% of the time the scratchpad had faking reasoning on qwen3-8b?',
    );
  });

  it.each(['best pizza near campus', 'who won the champions league final', 'how do I set up a python virtual environment'])(
    'declines "%s": nothing clears the threshold',
    (text) => {
      const decision = judge.decide(text);
      expect(decision.outcome.kind).toBe('not-covered');
      expect(decision.alternatives.every((alt) => alt.score < claimThreshold.strength)).toBe(true);
    },
  );

  it('never answers with a card that shares only a common word', () => {
    expect(answer('Claude writes nice poems in French')).toBeNull();
  });

  it('lists only close alternatives, at most four, never the answer itself', () => {
    const decision = judge.decide('did the model fake alignment during training to keep its values');
    expect(answer(decision.query)).toBe('faked-to-avoid-retraining');
    expect(decision.alternatives.length).toBeLessThanOrEqual(ALTERNATIVES_MAX);
    expect(decision.alternatives.map((alt) => alt.item.id)).not.toContain('faked-to-avoid-retraining');
    for (const alt of decision.alternatives) expect(alt.score).toBeGreaterThanOrEqual(claimThreshold.strength / 2);
  });

  it('suggests sections of near misses when it declines', () => {
    const { outcome } = judge.decide('what is the context window of claude 3 opus on the free tier');
    if (outcome.kind !== 'not-covered') throw new Error(`expected not covered, got ${outcome.kind}`);
    for (const section of outcome.related) expect(bundle.sections.map((s) => s.id)).toContain(section.id);
  });
});

describe('section ranking', () => {
  it('lists every section in reading order for an empty query', () => {
    expect(search.rankSections('').map((section) => section.id)).toEqual(['setup', 'results', 'rl']);
  });

  it('ranks by title, id and key terms, prefix and fuzzy', () => {
    expect(search.rankSections('rl')[0]?.id).toBe('rl');
    expect(search.rankSections('headl')[0]?.id).toBe('results');
    expect(search.rankSections('paid tier')[0]?.id).toBe('setup');
    expect(search.rankSections('animal welfre')[0]?.id).toBe('setup');
  });

  it('filters first, then cuts to 25: the best match is kept even when it comes late in reading order', () => {
    const many: Section[] = Array.from({ length: 40 }, (_, index) => ({
      id: `part-${index + 1}`,
      title: index === 36 ? `Part ${index + 1}: training, training and more training` : `Part ${index + 1}: training notes`,
      order: index + 1,
      summary: 'Notes on one part of the experiment.',
      keyPoints: ['One point.', 'Another point.', 'A third point.'],
      sources: ['paper'],
      claims: [],
      body: 'Body text.',
    }));
    const big = new ContentSearch({ ...bundle, sections: many });
    const ranked = big.rankSections('training');
    expect(ranked).toHaveLength(limits.choices);
    expect(ranked[0]?.id).toBe('part-37');
    expect(big.rankSections('')).toHaveLength(limits.choices);
  });
});

describe('source ranking and lookup', () => {
  it.each([
    ['2412.14093', 'paper'],
    ['2412.14', 'paper'],
    ['kulveit', 'critique'],
    ['sleeper agents', 'sleeper'],
    ['anthropic blog', 'blog'],
  ])('autocompletes "%s" to %s first', (typed, id) => {
    expect(search.rankSources(typed)[0]?.id).toBe(id);
  });

  it('ranks every source by an author they share', () => {
    expect(
      search
        .rankSources('hubinger')
        .map((source) => source.id)
        .sort(),
    ).toEqual(['paper', 'sleeper']);
  });

  it('remembers a ranking: the same text again, in any case, is answered without searching', () => {
    const fresh = new ContentSearch(bundle);
    const first = fresh.rankSources('Hubinger').map((source) => source.id);
    const searches = vi.spyOn(MiniSearch.prototype, 'search');
    try {
      expect(fresh.rankSources(' hubinger ').map((source) => source.id)).toEqual(first);
      expect(fresh.rankSources('hubinger', 1)).toHaveLength(1);
      expect(searches).not.toHaveBeenCalled();
      fresh.rankSections('alignment');
      expect(searches).toHaveBeenCalled();
    } finally {
      searches.mockRestore();
    }
  });

  it('finds a source by id, alias or words, and otherwise lists the nearest ones', () => {
    expect(search.findSource('critique').source?.id).toBe('critique');
    expect(search.findSource('Greenblatt et al.').source?.id).toBe('paper');
    expect(search.findSource('sleeper agents safety training').source?.id).toBe('sleeper');
    const missing = search.findSource('sleeper agents 2019 replication');
    expect(missing.source).toBeNull();
    if (missing.source === null) expect(missing.nearest.map((source) => source.id)).toContain('sleeper');
  });
});
