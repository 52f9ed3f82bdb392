import { describe, expect, it } from 'vitest';
import type { Choice, StanceRound } from '../../src/stances/records.js';
import { revealOf, trendOf } from '../../src/stances/reveal.js';
import { member, STANCE } from './helpers.js';

const at = '2026-03-02T17:00:00.000Z';
const choice = (first: string, final = first): Choice => ({ first, final, firstAt: at, finalAt: at });

function round(choices: readonly Choice[], overrides: Partial<StanceRound> = {}): StanceRound {
  return {
    v: 1,
    guild: '1',
    channelId: '2',
    messageId: '3',
    promptId: 'a',
    title: 'Prompt a',
    stance: STANCE,
    openedAt: at,
    closesAt: '2026-03-09T17:00:00.000Z',
    members: Object.fromEntries(choices.map((each, n) => [member(n), each])),
    state: 'closed',
    ...overrides,
  };
}

describe('the reveal', () => {
  it('below 3 stances gives only the count', () => {
    expect(revealOf(round([]))).toEqual({ kind: 'count', total: 0 });
    expect(revealOf(round([choice('yes'), choice('no', 'yes')]))).toEqual({ kind: 'count', total: 2 });
  });

  it('from 3 stances gives first and final distributions in position order, and who moved where', () => {
    const reveal = revealOf(round([choice('yes'), choice('no', 'partly'), choice('no', 'partly'), choice('partly', 'yes'), choice('no')]));
    if (reveal.kind !== 'distribution') throw new Error('expected a distribution');
    expect(reveal.total).toBe(5);
    expect(reveal.first.map((share) => [share.position.id, share.count])).toEqual([
      ['yes', 1],
      ['partly', 1],
      ['no', 3],
    ]);
    expect(reveal.final.map((share) => [share.position.id, share.count])).toEqual([
      ['yes', 2],
      ['partly', 2],
      ['no', 1],
    ]);
    expect(reveal.changed).toBe(3);
    expect(reveal.moves.map((move) => [move.from.id, move.to.id, move.count])).toEqual([
      ['no', 'partly', 2],
      ['partly', 'yes', 1],
    ]);
  });

  it('ignores a stored position the question no longer has', () => {
    const reveal = revealOf(round([choice('yes'), choice('gone', 'no'), choice('no')]));
    expect(reveal).toMatchObject({ kind: 'distribution', total: 3, changed: 0 });
  });
});

describe('the trend', () => {
  it('has one point per closed round of the question, oldest first, and skips open rounds and other questions', () => {
    const other = { ...STANCE, id: 'other' };
    const rounds = [
      round([choice('yes'), choice('yes'), choice('no')], { openedAt: '2026-03-02T17:00:00.000Z' }),
      round([choice('no')], { openedAt: '2026-03-09T17:00:00.000Z' }),
      round([choice('no'), choice('no'), choice('no')], { openedAt: '2026-03-16T17:00:00.000Z', stance: other }),
      round([choice('yes'), choice('yes'), choice('yes')], { openedAt: '2026-03-23T17:00:00.000Z', state: 'open' }),
    ];
    const trend = trendOf(rounds, STANCE.id);
    expect(trend?.points.map((point) => [point.week, point.total, point.shares?.map((share) => share.count)])).toEqual([
      ['2026-W10', 3, [2, 0, 1]],
      ['2026-W11', 1, undefined],
    ]);
    expect(trendOf(rounds, 'never-asked')).toBeUndefined();
  });
});
