import { afterEach, describe, expect, it } from 'vitest';
import { memberKey } from '../../src/quiz/records.js';
import type { ReviewSummary } from '../../src/quiz/review.js';
import { ReviewService } from '../../src/quiz/reviewService.js';
import { QuizService } from '../../src/quiz/service.js';
import { openStore, type Store } from '../../src/store/store.js';
import { contentWith, DAY, fakeClock, first, MINUTE, question, silent } from './fixtures.js';

const GUILD = '100000000000000001';
const USER = '300000000000000001';
const [a, b, c] = ['a', 'b', 'c'].map((id) => question(id));
const content = contentWith([a, b, c].flatMap((q) => (q ? [q] : [])));
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function setup() {
  const store = await openStore('memory://', silent);
  stores.push(store);
  const clock = fakeClock('2026-11-24T12:00:00Z');
  const quiz = new QuizService({ store, content, clock, random: first });
  const reviews = new ReviewService({ store, content, clock, quiz });
  /** Misses `ids` in a private quiz, then lets their first review come due. */
  const miss = async (ids: readonly string[]) => {
    for (const [i, id] of ids.entries()) {
      const q = content.questions.get(id);
      if (q) await quiz.record(GUILD, USER, { id: `m${i}`, question: q, choice: 1, at: clock.now(), version: '1.0.0' });
    }
    clock.advance(11 * MINUTE);
  };
  return { quiz, reviews, clock, miss };
}

describe('review round', () => {
  it('says so when nothing is due, with when the next review comes', async () => {
    const { reviews, miss, clock } = await setup();
    expect(await reviews.start(GUILD, USER)).toEqual({ kind: 'nothing-due', nextDue: undefined });
    await miss(['a']);
    clock.advance(-11 * MINUTE);
    const start = await reviews.start(GUILD, USER);
    expect(start.kind).toBe('nothing-due');
    expect(start.kind === 'nothing-due' && start.nextDue?.toISOString()).toBe('2026-11-24T12:10:00.000Z');
  });

  it('asks only due reviews, re-asks a miss later in the round until right, and counts only the first try', async () => {
    const { quiz, reviews, miss } = await setup();
    await miss(['a', 'b']);
    const started = await reviews.start(GUILD, USER);
    if (started.kind !== 'asked') throw new Error('expected a question');
    const id = started.asked.session.id;
    const shown: string[] = [started.asked.question.id];
    const answerCurrent = async (n: number, right: boolean) => {
      const current = shown.at(-1) ?? '';
      const q = content.questions.get(current);
      return reviews.answer(GUILD, USER, id, n, right ? (q?.answer ?? 0) : 1);
    };
    const plan = [false, true, true];
    let summary: ReviewSummary | undefined;
    for (let n = 1; ; n++) {
      await answerCurrent(n, plan[n - 1] ?? true);
      const next = await reviews.next(GUILD, USER, id);
      if (next.kind === 'finished') {
        summary = next.summary;
        break;
      }
      shown.push(next.asked.question.id);
      if (n === 1) expect(next.asked.again).toBe(false);
    }
    expect(shown).toEqual(['a', 'b', 'a']);
    if (!summary) throw new Error('the round did not finish');
    expect(summary.movedUp.map((o) => [o.question, o.boxBefore, o.boxAfter])).toEqual([['b', 1, 2]]);
    expect(summary.conquered.map((o) => [o.question, o.tries])).toEqual([['a', 2]]);
    const progress = await quiz.progress.get(memberKey(GUILD, USER));
    expect(progress?.questions.a).toMatchObject({ seen: 2, right: 0, box: 1 });
    expect(progress?.answered).toBe(4);
    expect(await reviews.sessions.get(memberKey(GUILD, USER))).toBeUndefined();
  });

  it('refuses an answer to an old question or another round', async () => {
    const { reviews, miss } = await setup();
    await miss(['a']);
    const started = await reviews.start(GUILD, USER);
    if (started.kind !== 'asked') throw new Error('expected a question');
    await expect(reviews.answer(GUILD, USER, 'other', 1, 0)).rejects.toThrow(/ended or was replaced/);
    await reviews.answer(GUILD, USER, started.asked.session.id, 1, 0);
    await expect(reviews.answer(GUILD, USER, started.asked.session.id, 1, 0)).rejects.toThrow(/already answered/);
  });

  it('counts due reviews for the reminder', async () => {
    const { reviews, miss, clock } = await setup();
    await miss(['a', 'b', 'c']);
    expect(await reviews.dueCount(GUILD, USER)).toBe(3);
    clock.advance(DAY);
    expect(await reviews.dueCount(GUILD, USER)).toBe(3);
  });
});
