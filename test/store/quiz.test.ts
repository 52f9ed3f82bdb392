import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { HISTORY_BATCH, HISTORY_KEPT, memberKey } from '../../src/quiz/records.js';
import { ReportService } from '../../src/quiz/reports.js';
import { type RoundDisplay, RoundService, roundKey } from '../../src/quiz/rounds.js';
import { QuizService } from '../../src/quiz/service.js';
import { StoreUnavailableError } from '../../src/store/backend.js';
import { openStore, type Store } from '../../src/store/store.js';
import { contentWith, fakeClock, first, question, silent } from '../quiz/fixtures.js';
import { backends, trackedStores, uniquePrefix } from './backends.js';
import { startRedisServer } from './redisServer.js';

const G = '100000000000000001';
const C = '300000000000000001';
const ANN = '200000000000000001';
const content = contentWith([question('q1'), question('q2'), question('q3')]);
const display: RoundDisplay = { ask: async () => 'message-1', reveal: async () => {}, finish: async () => {} };

describe.each(backends)('quiz records on $name', ({ name, url }) => {
  const { open, close } = trackedStores(url);

  it(`[${name}] records exactly 500 of 500 concurrent answers by one member`, async () => {
    const quiz = quizOn(await open());
    const q1 = content.questions.get('q1');
    if (!q1) throw new Error('fixture');
    const at = new Date('2026-11-24T12:00:00Z');
    await Promise.all(
      Array.from({ length: 500 }, (_, i) => quiz.record(G, ANN, { id: `bench.${i}`, question: q1, choice: i % 2, at, version: '1.0.0' })),
    );
    const progress = await quiz.progress.get(memberKey(G, ANN));
    expect(progress).toMatchObject({ answered: 500, correct: 250, points: 2500 });
    expect(progress?.questions.q1?.seen).toBe(500);
    expect((await quiz.members.get(G))?.members).toEqual([ANN]);
    const { answers } = await quiz.exported(G, ANN);
    expect(answers).toHaveLength(HISTORY_KEPT);
    expect(new Set(answers.map((answer) => answer.at)).size).toBe(1);
  }, 30_000);

  it(`[${name}] moves answers to the member's history log a batch at a time, and a reset deletes it too`, async () => {
    const quiz = quizOn(await open());
    const q2 = content.questions.get('q2');
    if (!q2) throw new Error('fixture');
    const answer = (i: number) =>
      quiz.record(G, ANN, { id: `log.${i}`, question: q2, choice: i % 3, at: new Date(Date.UTC(2026, 10, 24, 12, i)), version: '1' });
    for (let i = 0; i < HISTORY_BATCH + 3; i++) await answer(i);
    const key = memberKey(G, ANN);
    expect((await quiz.progress.get(key))?.pending).toHaveLength(3);
    expect((await quiz.history.get(key))?.answers).toHaveLength(HISTORY_BATCH);
    const { answers } = await quiz.exported(G, ANN);
    expect(answers.map((a) => a.choice)).toEqual(Array.from({ length: HISTORY_BATCH + 3 }, (_, i) => i % 3));
    await quiz.reset(G, ANN);
    expect(await quiz.history.get(key)).toBeUndefined();
    expect((await quiz.exported(G, ANN)).answers).toEqual([]);
  });

  it(`[${name}] keeps a progress record that no longer parses aside and carries on`, async () => {
    const store = await open();
    const quiz = quizOn(store);
    await store.repository('quiz.progress', z.unknown()).set(memberKey(G, ANN), { v: 1, answered: 'lots' });
    expect((await quiz.summary(G, ANN)).answered).toBe(0);
    const kept = await store.quarantined.get(`${quiz.progress.namespace}/${memberKey(G, ANN)}`);
    expect(kept?.raw).toEqual({ v: 1, answered: 'lots' });
    const asked = await quiz.start(G, ANN, {});
    await quiz.answer(G, ANN, asked?.session.id ?? '', 1, 0);
    expect((await quiz.summary(G, ANN)).answered).toBe(1);
    expect((await store.quarantined.get(`${quiz.progress.namespace}/${memberKey(G, ANN)}`))?.raw).toEqual({ v: 1, answered: 'lots' });
  });

  if (name !== 'memory') {
    it(`[${name}] finds progress, sessions, reports and rounds again after closing and reopening`, async () => {
      const storeUrl = url();
      const prefix = uniquePrefix();
      const before = await open(storeUrl, prefix);
      const quiz = quizOn(before);
      const asked = await quiz.start(G, ANN, {});
      await quiz.answer(G, ANN, asked?.session.id ?? '', 1, 0);
      await new ReportService({ store: before, content, clock: fakeClock() }).file(G, ANN, 'q1', 'Looks wrong.');
      const rounds = new RoundService({ quiz, store: before, content, clock: fakeClock(), log: silent, display });
      const round = await rounds.start({ guild: G, channel: C, user: ANN, questions: 2, seconds: 30 });
      rounds.stop();
      await close(before);

      const reopened = await open(storeUrl, prefix);
      const after = quizOn(reopened);
      expect(await after.summary(G, ANN)).toMatchObject({ answered: 1, correct: 1 });
      expect((await after.sessions.get(memberKey(G, ANN)))?.id).toBe(asked?.session.id);
      const reports = new ReportService({ store: reopened, content, clock: fakeClock() });
      expect((await reports.open(G)).map((report) => report.reason)).toEqual(['Looks wrong.']);
      expect((await after.members.get(G))?.members).toEqual([ANN]);
      const reopenedRounds = new RoundService({
        quiz: after,
        store: reopened,
        content,
        clock: fakeClock(),
        log: silent,
        display,
      });
      expect((await reopenedRounds.rounds.get(roundKey(G, C)))?.id).toBe(round.id);
    });
  }
});

describe('quiz records on redis when the server goes away', () => {
  it('[redis] an answer fails with StoreUnavailableError, writes nothing, and counts once after recovery', async () => {
    const redis = await startRedisServer(21_000 + (process.pid % 5_000));
    const store = await openStore(redis.url, silent, uniquePrefix());
    try {
      const quiz = quizOn(store);
      const asked = await quiz.start(G, ANN, {});
      const session = asked?.session.id ?? '';
      await redis.stop();
      await expect(quiz.answer(G, ANN, session, 1, 0)).rejects.toBeInstanceOf(StoreUnavailableError);
      await redis.start(); // an empty Redis (no persistence): the session is gone, nothing half-written survives
      await vi.waitFor(() => quiz.summary(G, ANN), { timeout: 10_000, interval: 100 });
      expect((await quiz.summary(G, ANN)).answered).toBe(0);
      const again = await quiz.start(G, ANN, {});
      await quiz.answer(G, ANN, again?.session.id ?? '', 1, 0);
      expect((await quiz.summary(G, ANN)).answered).toBe(1);
    } finally {
      await store.close();
      await redis.stop();
    }
  });
});

function quizOn(store: Store) {
  return new QuizService({ store, content, clock: fakeClock(), random: first });
}
