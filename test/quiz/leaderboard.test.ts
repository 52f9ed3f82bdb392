import { describe, expect, it } from 'vitest';
import { rank } from '../../src/quiz/leaderboard.js';
import { applyAnswer } from '../../src/quiz/progress.js';
import type { Progress } from '../../src/quiz/records.js';
import { question } from './fixtures.js';

const easy = question('easy');
const hard = question('hard', { difficulty: 3 });

function member(answers: readonly [string, boolean, 1 | 3][]): Progress {
  let progress: Progress | undefined;
  answers.forEach(([at, right, difficulty], index) => {
    const q = difficulty === 3 ? hard : easy;
    progress = applyAnswer(progress, { id: `${index}`, question: q, choice: right ? 0 : 1, at: new Date(at), version: '1' }).progress;
  });
  return progress as Progress;
}

describe('rank', () => {
  const entries = [
    {
      user: 'ann',
      progress: member([
        ['2026-11-16T10:00:00Z', true, 3],
        ['2026-11-17T10:00:00Z', true, 3],
      ]),
    }, // 60, all last week
    { user: 'bob', progress: member([['2026-11-23T10:00:00Z', true, 3]]) }, // 30 this week
    {
      user: 'cat',
      progress: member([
        ['2026-11-23T11:00:00Z', true, 3],
        ['2026-11-24T11:00:00Z', false, 1],
      ]),
    }, // 30 this week
    { user: 'dan', progress: member([['2026-11-24T09:00:00Z', true, 1]]) }, // 10 this week
    { user: 'eve', progress: member([['2026-11-24T09:00:00Z', false, 1]]) }, // 0
  ];
  const now = new Date('2026-11-25T12:00:00Z'); // Wednesday of 2026-W48

  it('ranks all-time points, ties sharing a rank', () => {
    const board = rank(entries, 'all-time', now, 'dan');
    expect(board.top.map((s) => [s.rank, s.user, s.points])).toEqual([
      [1, 'ann', 60],
      [2, 'bob', 30],
      [2, 'cat', 30],
      [4, 'dan', 10],
    ]);
    expect(board.me).toMatchObject({ rank: 4, points: 10 });
    expect(board.ranked).toBe(4);
  });

  it('counts only this ISO week for the weekly board, computed from the answers’ timestamps', () => {
    const board = rank(entries, 'week', now, 'ann');
    expect(board.week).toBe('2026-W48');
    expect(board.top.map((s) => s.user)).toEqual(['bob', 'cat', 'dan']);
    expect(board.me).toBeUndefined();
    // The next Monday the week starts empty, with no job having run.
    expect(rank(entries, 'week', new Date('2026-11-30T00:00:01Z'), 'bob').top).toEqual([]);
    // Looking back from the week before, ann leads.
    expect(rank(entries, 'week', new Date('2026-11-18T00:00:00Z'), 'ann').me).toMatchObject({ rank: 1, points: 60 });
  });

  it('shows the top 10 and the caller’s own rank beyond it', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({
      user: `u${String(i).padStart(2, '0')}`,
      progress: member(Array.from({ length: 15 - i }, () => ['2026-11-24T10:00:00Z', true, 1] as [string, boolean, 1])),
    }));
    const board = rank(many, 'all-time', now, 'u13');
    expect(board.top).toHaveLength(10);
    expect(board.me).toMatchObject({ rank: 14, points: 20 });
  });
});
