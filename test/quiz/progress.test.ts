import { describe, expect, it } from 'vitest';
import { POINTS } from '../../src/quiz/grade.js';
import { applyAnswer, summarize } from '../../src/quiz/progress.js';
import { type Progress, RECENT_ANSWERS, WEEKS_KEPT } from '../../src/quiz/records.js';
import { DAY, MINUTE, question } from './fixtures.js';

const easy = question('easy');
const hard = question('hard', { difficulty: 3, section: 'results' });
const start = new Date('2026-11-24T12:00:00Z');

const answer = (progress: Progress | undefined, id: string, q = easy, choice = q.answer, at = start, version = '1.0.0') =>
  applyAnswer(progress, { id, question: q, choice, at, version });

describe('applyAnswer', () => {
  it('grades, scores harder questions higher and keeps totals', () => {
    const one = answer(undefined, 'x1');
    expect(one.graded).toMatchObject({ correct: true, points: POINTS[1] });
    const two = answer(one.progress, 'x2', hard);
    expect(two.graded.points).toBe(POINTS[3]);
    expect(POINTS[3]).toBeGreaterThan(POINTS[2]);
    expect(POINTS[2]).toBeGreaterThan(POINTS[1]);
    const three = answer(two.progress, 'x3', hard, 2);
    expect(three.graded).toMatchObject({ correct: false, points: 0 });
    expect(three.progress).toMatchObject({ answered: 3, correct: 2, points: POINTS[1] + POINTS[3] });
  });

  it('records the bundle version with each answer and on the question’s history', () => {
    const { progress } = answer(undefined, 'x1', easy, 0, start, '1.2.0');
    expect(progress.recent[0]).toMatchObject({ question: 'easy', version: '1.2.0', at: start.toISOString() });
    expect(progress.questions.easy?.version).toBe('1.2.0');
  });

  it('counts a retried answer once and reports the first choice', () => {
    const first = answer(undefined, 'same', easy, 0);
    const retry = answer(first.progress, 'same', easy, 2);
    expect(retry.duplicate).toBe(true);
    expect(retry.graded.correct).toBe(true);
    expect(retry.progress.answered).toBe(1);
  });

  it('keeps a bounded log of recent answers and of weeks', () => {
    let progress: Progress | undefined;
    for (let i = 0; i < RECENT_ANSWERS + 10; i++)
      progress = answer(progress, `x${i}`, easy, 0, new Date(start.getTime() + i * 7 * DAY)).progress;
    expect(progress?.recent).toHaveLength(RECENT_ANSWERS);
    expect(Object.keys(progress?.weeks ?? {})).toHaveLength(WEEKS_KEPT);
    expect(progress?.answered).toBe(RECENT_ANSWERS + 10);
  });

  it('adds points to the ISO week the answer falls in', () => {
    let { progress } = answer(undefined, 'sun', easy, 0, new Date('2026-11-22T23:00:00Z')); // Sunday, W47
    progress = answer(progress, 'mon', hard, 0, new Date('2026-11-23T01:00:00Z')).progress; // Monday, W48
    expect(progress.weeks).toEqual({
      '2026-W47': { answered: 1, correct: 1, points: POINTS[1] },
      '2026-W48': { answered: 1, correct: 1, points: POINTS[3] },
    });
  });
});

describe('summarize', () => {
  const bank = [question('s1'), question('s2'), question('s3'), question('s4'), hard];

  it('shows accuracy, mastery per section and reviews due', () => {
    let progress = answer(undefined, 'a', bank[0]).progress; // known
    progress = answer(progress, 'b', bank[1], 1).progress; // missed: box 1
    const summary = summarize(progress, ['setup', 'results'], bank, new Date(start.getTime() + 30 * MINUTE));
    expect(summary).toMatchObject({ answered: 2, correct: 1, accuracy: 0.5, points: POINTS[1], due: 1 });
    expect(summary.mastery).toEqual([
      { section: 'setup', total: 4, seen: 2, mastery: 0.25 },
      { section: 'results', total: 1, seen: 0, mastery: 0 },
    ]);
  });

  it('reports nothing for a member who never answered', () => {
    const summary = summarize(undefined, ['setup'], bank, start);
    expect(summary).toMatchObject({ answered: 0, accuracy: null, points: 0, due: 0, streak: { current: 0, best: 0 } });
  });

  it('after a bundle change, skips removed questions but keeps their history', () => {
    let progress = answer(undefined, 'a', bank[0], 1).progress; // missed s1
    progress = answer(progress, 'b', bank[1]).progress;
    const later = new Date(start.getTime() + DAY);
    const newBundle = [bank[1], question('s5')].filter((q) => q !== undefined);
    const summary = summarize(progress, ['setup'], newBundle, later);
    expect(summary.due).toBe(0); // s1 is due but no longer in the bundle
    expect(summary.mastery).toEqual([{ section: 'setup', total: 2, seen: 1, mastery: 0.5 }]);
    expect(summary.answered).toBe(2);
    expect(progress.questions.s1).toBeDefined();
  });
});
