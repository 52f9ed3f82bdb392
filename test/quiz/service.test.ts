import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuizRefusal, refusals } from '../../src/quiz/errors.js';
import { POINTS } from '../../src/quiz/grade.js';
import { memberKey } from '../../src/quiz/records.js';
import { QuizService } from '../../src/quiz/service.js';
import { openStore, type Store } from '../../src/store/store.js';
import { contentWith, DAY, type FakeClock, fakeClock, first, question, silent } from './fixtures.js';

const G = '100000000000000001';
const ANN = '200000000000000001';
const BOB = '200000000000000002';
const bank = [question('q1'), question('q2', { difficulty: 2 }), question('q3', { section: 'results', difficulty: 3 })];

describe('QuizService', () => {
  let store: Store;
  let clock: FakeClock;
  let quiz: QuizService;

  beforeEach(async () => {
    store = await openStore('memory://', silent, 'test');
    clock = fakeClock();
    quiz = new QuizService({ store, content: contentWith(bank), clock, random: first });
  });
  afterEach(() => store.close());

  it('runs a private session: answer, next, never repeat, finish', async () => {
    const asked = await quiz.start(G, ANN, {});
    expect(asked).toMatchObject({ n: 1, question: { id: 'q1' }, reason: 'new' });
    const session = asked?.session.id ?? '';

    const verdict = await quiz.answer(G, ANN, session, 1, 0);
    expect(verdict.graded).toMatchObject({ correct: true, points: POINTS[1] });
    expect(verdict.streak).toBe(1);
    await expect(quiz.answer(G, ANN, session, 1, 1)).rejects.toThrow(refusals.alreadyAnswered);

    const second = await quiz.next(G, ANN, session);
    expect(second).toMatchObject({ kind: 'asked', asked: { n: 2, question: { id: 'q2' } } });
    await expect(quiz.answer(G, ANN, session, 1, 0)).rejects.toThrow(refusals.movedOn);
    await quiz.answer(G, ANN, session, 2, 1); // wrong
    await quiz.next(G, ANN, session);
    await quiz.answer(G, ANN, session, 3, 0);
    // Every question asked once: the session ends instead of repeating one, even though q2 is due later.
    expect(await quiz.next(G, ANN, session)).toEqual({ kind: 'finished', totals: { asked: 3, right: 2, points: POINTS[1] + POINTS[3] } });
    await expect(quiz.next(G, ANN, session)).rejects.toBeInstanceOf(QuizRefusal);

    const summary = await quiz.summary(G, ANN);
    expect(summary).toMatchObject({ answered: 3, correct: 2, points: POINTS[1] + POINTS[3], due: 0 });
    clock.advance(DAY);
    expect((await quiz.summary(G, ANN)).due).toBe(1);
    expect((await quiz.start(G, ANN, {}))?.question.id).toBe('q2'); // the missed one comes back first
  });

  it('shows the current question again when Next is pressed before answering', async () => {
    const asked = await quiz.start(G, ANN, {});
    const again = await quiz.next(G, ANN, asked?.session.id ?? '');
    expect(again).toMatchObject({ kind: 'asked', asked: { n: 1, question: { id: 'q1' } } });
  });

  it('filters a session by section and difficulty', async () => {
    expect((await quiz.start(G, ANN, { section: 'results' }))?.question.id).toBe('q3');
    expect((await quiz.start(G, ANN, { difficulty: 2 }))?.question.id).toBe('q2');
    expect(await quiz.start(G, ANN, { section: 'results', difficulty: 1 })).toBeUndefined();
  });

  it('replaces an older session, whose buttons then refuse', async () => {
    const old = await quiz.start(G, ANN, {});
    await quiz.start(G, ANN, {});
    await expect(quiz.answer(G, ANN, old?.session.id ?? '', 1, 0)).rejects.toThrow(refusals.sessionOver);
  });

  it('keeps members and guilds apart', async () => {
    const ann = await quiz.start(G, ANN, {});
    await expect(quiz.answer(G, BOB, ann?.session.id ?? '', 1, 0)).rejects.toThrow(refusals.sessionOver);
    await quiz.answer(G, ANN, ann?.session.id ?? '', 1, 0);
    expect((await quiz.summary('100000000000000002', ANN)).answered).toBe(0);
  });

  it('refuses to grade a question that left the bundle, and Next moves past it', async () => {
    const asked = await quiz.start(G, ANN, {});
    const updated = new QuizService({ store, content: contentWith([question('q9')], '2.0.0'), clock });
    await expect(updated.answer(G, ANN, asked?.session.id ?? '', 1, 0)).rejects.toThrow(refusals.questionRemoved);
    // Next skips the removed question instead of refusing again.
    expect(await updated.next(G, ANN, asked?.session.id ?? '')).toMatchObject({ kind: 'asked', asked: { n: 2, question: { id: 'q9' } } });
  });

  it('ranks the guild’s members and forgets a member who resets', async () => {
    const answerAll = async (user: string, right: boolean) => {
      const asked = await quiz.start(G, user, {});
      const session = asked?.session.id ?? '';
      for (let n = 1; n <= 3; n++) {
        await quiz.answer(G, user, session, n, right ? 0 : 1);
        await quiz.next(G, user, session);
      }
    };
    await answerAll(ANN, true);
    await answerAll(BOB, false);
    const board = await quiz.leaderboard(G, 'all-time', BOB);
    expect(board.top.map((s) => s.user)).toEqual([ANN]);
    expect(board.me).toBeUndefined();
    expect((await quiz.leaderboard(G, 'week', ANN)).me?.points).toBe(POINTS[1] + POINTS[2] + POINTS[3]);

    await quiz.reset(G, ANN);
    expect(await quiz.progress.get(memberKey(G, ANN))).toBeUndefined();
    expect((await quiz.members.get(G))?.members).toEqual([BOB]);
    expect((await quiz.leaderboard(G, 'all-time', ANN)).top).toEqual([]);
    expect((await quiz.summary(G, ANN)).answered).toBe(0);
  });

  it('counts streak days in the member’s chosen time zone', async () => {
    await quiz.setTimeZone(G, ANN, 'Australia/Sydney');
    clock.set('2026-11-20T22:00:00Z'); // 21 Nov in Sydney
    let asked = await quiz.start(G, ANN, {});
    await quiz.answer(G, ANN, asked?.session.id ?? '', 1, 0);
    clock.set('2026-11-22T00:00:00Z'); // 22 Nov in Sydney
    asked = await quiz.start(G, ANN, {});
    expect((await quiz.answer(G, ANN, asked?.session.id ?? '', 1, 0)).streak).toBe(2);
    expect((await quiz.summary(G, ANN)).timeZone).toBe('Australia/Sydney');
  });
});
