import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusals } from '../../src/quiz/errors.js';
import { POINTS } from '../../src/quiz/grade.js';
import { memberKey } from '../../src/quiz/records.js';
import {
  type RoundDisplay,
  type RoundQuestion,
  type RoundReveal,
  RoundService,
  type RoundSummary,
  roundKey,
} from '../../src/quiz/rounds.js';
import { QuizService } from '../../src/quiz/service.js';
import { openStore, type Store } from '../../src/store/store.js';
import { contentWith, type FakeClock, fakeClock, first, question, silent } from './fixtures.js';

const G = '100000000000000001';
const C = '300000000000000001';
const [ANN, BOB, CAT] = ['200000000000000001', '200000000000000002', '200000000000000003'];
const content = contentWith([question('q1'), question('q2', { difficulty: 3 }), question('q3')]);

class FakeDisplay implements RoundDisplay {
  asked: RoundQuestion[] = [];
  revealed: { messageId: string | null; reveal: RoundReveal }[] = [];
  finished: RoundSummary[] = [];
  failReveals = 0;
  async ask(question: RoundQuestion) {
    this.asked.push(question);
    return `message-${this.asked.length}`;
  }
  async reveal(messageId: string | null, reveal: RoundReveal) {
    if (this.failReveals > 0) {
      this.failReveals--;
      throw new Error('Discord is down');
    }
    this.revealed.push({ messageId, reveal });
  }
  async finish(summary: RoundSummary) {
    this.finished.push(summary);
  }
}

describe('RoundService', () => {
  let store: Store;
  let clock: FakeClock;
  let display: FakeDisplay;
  let quiz: QuizService;
  let services: RoundService[];
  const rounds = () => {
    const service = new RoundService({ quiz, store, content, clock, log: silent, display, random: first });
    services.push(service);
    return service;
  };

  beforeEach(async () => {
    store = await openStore('memory://', silent, 'test');
    clock = fakeClock();
    display = new FakeDisplay();
    quiz = new QuizService({ store, content, clock });
    services = [];
  });
  afterEach(async () => {
    for (const service of services) service.stop();
    await store.close();
  });

  const start = (service: RoundService, questions = 2) => service.start({ guild: G, channel: C, user: ANN, questions, seconds: 30 });

  it('counts each member’s first answer and refuses a second round in the channel', async () => {
    const service = rounds();
    const round = await start(service);
    expect(display.asked).toHaveLength(1);
    expect(round.messageId).toBe('message-1');
    await expect(start(service)).rejects.toThrow(refusals.roundBusy);
    expect(await service.isRunning(G, C)).toBe(true);

    const q1 = content.questions.get(round.questions[0] ?? '');
    const right = q1?.answer ?? 0;
    expect(await service.answer(G, C, round.id, 1, ANN, right)).toEqual({ status: 'locked', choice: right });
    expect(await service.answer(G, C, round.id, 1, ANN, right + 1)).toEqual({ status: 'already', choice: right });
    await expect(service.answer(G, C, 'other-round', 1, BOB, 0)).rejects.toThrow(refusals.roundClosed);
    await expect(service.answer(G, C, round.id, 2, BOB, 0)).rejects.toThrow(refusals.roundClosed);
    expect(Object.keys((await service.rounds.get(roundKey(G, C)))?.answers ?? {})).toEqual([ANN]);
  });

  it('reveals at the deadline, records everyone, asks the next question and closes after the last', async () => {
    const service = rounds();
    const round = await start(service, 2);
    const [q1, q2] = round.questions.map((id) => content.questions.get(id));
    if (!q1 || !q2) throw new Error('fixture');
    await service.answer(G, C, round.id, 1, ANN, q1.answer);
    await service.answer(G, C, round.id, 1, BOB, q1.answer + 1);
    await service.answer(G, C, round.id, 1, CAT, q1.answer);

    await service.runDue(); // not yet due
    expect(display.revealed).toHaveLength(0);
    clock.advance(30_000);
    await expect(service.answer(G, C, round.id, 1, BOB, q1.answer)).rejects.toThrow(refusals.roundClosed);
    await service.runDue();

    expect(display.revealed).toHaveLength(1);
    const [{ messageId, reveal }] = display.revealed as [{ messageId: string; reveal: RoundReveal }];
    expect(messageId).toBe('message-1');
    expect(reveal.right).toEqual([ANN, CAT]);
    expect(reveal.answered).toBe(3);
    expect(reveal.counts[q1.answer]).toBe(2);
    expect(display.asked.map((q) => q.n)).toEqual([1, 2]);
    expect((await quiz.summary(G, ANN)).answered).toBe(1);
    expect(await quiz.summary(G, BOB)).toMatchObject({ answered: 1, correct: 0 });

    // A stale click on question 1 after it moved on changes nothing.
    await expect(service.answer(G, C, round.id, 1, BOB, q1.answer)).rejects.toThrow(refusals.roundClosed);
    await service.answer(G, C, round.id, 2, ANN, q2.answer);
    clock.advance(30_000);
    await service.runDue();

    expect(display.finished).toHaveLength(1);
    expect(display.finished[0]?.standings[0]).toEqual({
      user: ANN,
      answered: 2,
      correct: 2,
      points: POINTS[q1.difficulty] + POINTS[q2.difficulty],
    });
    expect(display.finished[0]?.endedEarly).toBeUndefined();
    expect(await service.rounds.get(roundKey(G, C))).toBeUndefined();
    await expect(service.answer(G, C, round.id, 2, BOB, 0)).rejects.toThrow(refusals.roundClosed);
    expect(await service.isRunning(G, C)).toBe(false);
  });

  it('after a restart, re-arms a round still open and reveals and closes an overdue one', async () => {
    const before = rounds();
    const round = await start(before, 3);
    const q1 = content.questions.get(round.questions[0] ?? '');
    await before.answer(G, C, round.id, 1, ANN, q1?.answer ?? 0);
    before.stop(); // the process dies

    const early = rounds();
    clock.advance(10_000);
    await early.resume(() => true);
    expect(display.revealed).toHaveLength(0);
    expect(await early.answer(G, C, round.id, 1, BOB, 0)).toMatchObject({ status: 'locked' });
    early.stop();

    const late = rounds();
    clock.advance(60_000);
    await late.resume((guild) => guild === G);
    expect(display.revealed).toHaveLength(1);
    expect(display.finished[0]).toMatchObject({ endedEarly: 'restart', asked: 1, total: 3 });
    expect((await quiz.summary(G, ANN)).answered).toBe(1);
    expect((await quiz.summary(G, BOB)).answered).toBe(1);
    expect(await late.rounds.get(roundKey(G, C))).toBeUndefined();
  });

  it('leaves rounds of guilds on other shards alone', async () => {
    await start(rounds());
    clock.advance(60_000);
    await rounds().resume(() => false);
    expect(display.revealed).toHaveLength(0);
    expect(await services[0]?.rounds.get(roundKey(G, C))).toBeDefined();
  });

  it('retries a failed reveal without counting anyone twice', async () => {
    const service = rounds();
    const round = await start(service, 1);
    const q1 = content.questions.get(round.questions[0] ?? '');
    await service.answer(G, C, round.id, 1, ANN, q1?.answer ?? 0);
    display.failReveals = 1;
    clock.advance(30_000);
    await service.runDue();
    expect(display.revealed).toHaveLength(0);
    expect((await quiz.progress.get(memberKey(G, ANN)))?.answered).toBe(1);
    clock.advance(1_000);
    await service.runDue();
    expect(display.revealed).toHaveLength(1);
    expect(display.finished).toHaveLength(1);
    expect((await quiz.progress.get(memberKey(G, ANN)))?.answered).toBe(1);
    expect(display.finished[0]?.standings).toEqual([{ user: ANN, answered: 1, correct: 1, points: POINTS[q1?.difficulty ?? 1] }]);
  });
});
