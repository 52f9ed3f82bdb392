import type { Clock } from '../clock.js';
import type { Content } from '../content/content.js';
import type { Question } from '../content/schema.js';
import type { Logger } from '../log.js';
import type { Random } from '../random.js';
import { KeyLock } from '../store/keyLock.js';
import type { Repository } from '../store/repository.js';
import type { Store } from '../store/store.js';
import { QuizRefusal, refusals } from './errors.js';
import { emptyTotals, type Round, RoundSchema, type Totals } from './records.js';
import { sample } from './select.js';
import { newId, type QuizService } from './service.js';

/** A question of a round as the channel sees it. */
export interface RoundQuestion {
  readonly roundId: string;
  readonly channel: string;
  /** 1-based. */
  readonly n: number;
  readonly total: number;
  readonly question: Question;
  readonly deadline: Date;
}

export interface RoundReveal extends RoundQuestion {
  /** How many members chose each option, by choice index. */
  readonly counts: readonly number[];
  /** Members who got it right, in the order they answered. */
  readonly right: readonly string[];
  readonly answered: number;
}

export interface RoundSummary {
  readonly roundId: string;
  readonly channel: string;
  readonly asked: number;
  readonly total: number;
  readonly standings: readonly (Totals & { readonly user: string })[];
  /** Set when the round stopped before its last question (the bot restarted, or a question could not be posted). */
  readonly endedEarly?: 'restart' | 'failure';
}

/**
 * How a round reaches the channel. Implemented in src/discord/ over Discord's REST API, and by a fake in
 * tests, so the round logic here stays free of Discord.
 */
export interface RoundDisplay {
  /** Posts the question with its answer buttons; resolves to the message id. */
  ask(question: RoundQuestion): Promise<string>;
  /**
   * Shows the answer on the question's message (or posts it, when the message id was never stored). Should not
   * throw for a message or channel that is gone: the round moves on either way.
   */
  reveal(messageId: string | null, reveal: RoundReveal): Promise<void>;
  finish(summary: RoundSummary): Promise<void>;
}

export interface RoundDeps {
  readonly quiz: QuizService;
  readonly store: Store;
  readonly content: Content;
  readonly clock: Clock;
  readonly log: Logger;
  readonly display: RoundDisplay;
  readonly random?: Random;
}

export interface StartRound {
  readonly guild: string;
  readonly channel: string;
  readonly user: string;
  readonly questions: number;
  readonly seconds: number;
}

export type LockResult = { readonly status: 'locked' | 'already'; readonly choice: number };

/** A round left overdue this long with no process moving it on is abandoned; a new one may replace it. */
const ABANDONED_AFTER_MS = 5 * 60_000;
const RETRY_MS = [1_000, 5_000, 15_000, 60_000];
const MAX_TIMER_MS = 2 ** 31 - 1;

export const roundKey = (guild: string, channel: string) => `${guild}/${channel}`;

/**
 * Public rounds: one per channel, each question open until its stored deadline. Moving a round on (reveal,
 * record scores, next question or close) is one idempotent step, run by an in-process timer, by the start-up
 * sweep after a restart, and retried with backoff when storage or Discord fails.
 */
export class RoundService {
  readonly rounds: Repository<typeof RoundSchema>;
  private readonly timers = new Map<string, { readonly at: number; readonly timer: NodeJS.Timeout }>();
  private readonly steps = new KeyLock();
  private readonly failures = new Map<string, number>();
  private stopped = false;

  constructor(private readonly deps: RoundDeps) {
    this.rounds = deps.store.repository('quiz.rounds', RoundSchema);
  }

  private now = () => this.deps.clock.now();

  private questionAt(round: Round, index: number): Question | undefined {
    const id = round.questions[index];
    return id === undefined ? undefined : this.deps.content.questions.get(id);
  }

  private view(round: Round, question: Question): RoundQuestion {
    return {
      roundId: round.id,
      channel: round.channel,
      n: round.index + 1,
      total: round.questions.length,
      question,
      deadline: new Date(round.deadline),
    };
  }

  async start({ guild, channel, user, questions, seconds }: StartRound): Promise<Round> {
    const key = roundKey(guild, channel);
    const picked = sample(this.deps.content.bundle.questions, questions, this.deps.random);
    const first = picked[0];
    if (!first) throw new QuizRefusal('The study bundle has no questions yet.');
    const now = this.now();
    const round = await this.rounds.update(key, (current) => {
      if (current && !this.abandoned(current, now)) throw new QuizRefusal(refusals.roundBusy);
      if (current) this.deps.log.warn({ round: current.id, guild, channel }, 'replacing an abandoned quiz round');
      return {
        v: 1,
        id: newId(),
        guild,
        channel,
        startedBy: user,
        version: this.deps.content.version,
        questions: picked.map((question) => question.id),
        seconds,
        index: 0,
        messageId: null,
        deadline: new Date(now.getTime() + seconds * 1000).toISOString(),
        answers: {},
        recorded: [],
        revealed: false,
        tally: {},
      };
    });
    let messageId: string;
    try {
      messageId = await this.deps.display.ask(this.view(round, first));
    } catch (err) {
      await this.rounds.delete(key);
      throw err;
    }
    const posted = await this.rounds.update(key, (current) => (current?.id === round.id ? { ...current, messageId } : (current ?? round)));
    this.arm(key, posted.deadline);
    return posted;
  }

  async isRunning(guild: string, channel: string): Promise<boolean> {
    const round = await this.rounds.get(roundKey(guild, channel));
    return round !== undefined && !this.abandoned(round, this.now());
  }

  private abandoned(round: Round, now: Date) {
    return !this.timers.has(roundKey(round.guild, round.channel)) && now.getTime() - Date.parse(round.deadline) > ABANDONED_AFTER_MS;
  }

  private isOpen(round: Round | undefined, roundId: string, n: number): round is Round {
    return round !== undefined && round.id === roundId && round.index === n - 1 && !round.revealed && this.now() < new Date(round.deadline);
  }

  /** A member's answer to question `n`: the first one counts, later clicks change nothing. */
  async answer(guild: string, channel: string, roundId: string, n: number, user: string, choice: number): Promise<LockResult> {
    const key = roundKey(guild, channel);
    const seen = await this.rounds.get(key);
    if (!this.isOpen(seen, roundId, n)) throw new QuizRefusal(refusals.roundClosed);
    const earlier = seen.answers[user];
    if (earlier) return { status: 'already', choice: earlier.choice };
    const question = this.questionAt(seen, seen.index);
    if (!question || choice >= question.choices.length) throw new QuizRefusal(refusals.roundClosed);
    let result: LockResult = { status: 'locked', choice };
    await this.rounds.update(key, (current) => {
      // Checked again under the key's lock: the deadline may have passed or another click landed meanwhile.
      if (!this.isOpen(current, roundId, n)) throw new QuizRefusal(refusals.roundClosed);
      const first = current.answers[user];
      if (first) {
        result = { status: 'already', choice: first.choice };
        return current;
      }
      return { ...current, answers: { ...current.answers, [user]: { choice, at: this.now().toISOString() } } };
    });
    return result;
  }

  /** Arms a timer for every round of the guilds this process owns: overdue ones are revealed and closed. */
  async resume(owns: (guild: string) => boolean): Promise<void> {
    const now = this.now();
    for await (const [key, round] of this.rounds.entries()) {
      if (!owns(round.guild)) continue;
      if (now < new Date(round.deadline)) this.arm(key, round.deadline);
      else await this.step(key, { endEarly: 'restart' });
    }
  }

  /** Moves on every round this process runs whose deadline has passed; for tests and the playground, which move the clock. */
  async runDue(): Promise<void> {
    const now = this.now().getTime();
    const due = [...this.timers].filter(([, { at }]) => at <= now).map(([key]) => key);
    await Promise.all(due.map((key) => this.step(key)));
  }

  stop(): void {
    this.stopped = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(key: string, deadline: string, retryIn?: number) {
    if (this.stopped) return;
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing.timer);
    const at = retryIn === undefined ? Date.parse(deadline) : this.now().getTime() + retryIn;
    const timer = setTimeout(() => void this.step(key), Math.min(MAX_TIMER_MS, Math.max(0, at - this.now().getTime())));
    timer.unref();
    this.timers.set(key, { at, timer });
  }

  /** One step of a round, serialized per round; a failure is logged and retried with backoff. */
  private step(key: string, options: { endEarly?: 'restart' } = {}): Promise<void> {
    return this.steps.run(key, async () => {
      const armed = this.timers.get(key);
      if (armed) clearTimeout(armed.timer);
      this.timers.delete(key);
      try {
        await this.advance(key, options);
        this.failures.delete(key);
      } catch (err) {
        const failures = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, failures);
        const retryIn = RETRY_MS[Math.min(failures, RETRY_MS.length) - 1] ?? 60_000;
        this.deps.log.warn({ err, round: key, failures, retryIn }, 'quiz round step failed; will retry');
        this.arm(key, this.now().toISOString(), retryIn);
      }
    });
  }

  private async advance(key: string, { endEarly }: { endEarly?: 'restart' }): Promise<void> {
    if (!(await this.rounds.get(key))) return;
    // Read under the key's lock: every click queued before this point is in, every later one sees the deadline.
    const round = await this.rounds.update(key, (current) => current ?? this.gone());
    if (this.now() < new Date(round.deadline)) return this.arm(key, round.deadline);
    const question = this.questionAt(round, round.index);
    if (!round.revealed && question) await this.reveal(key, round, question);

    const nextIndex = round.questions.findIndex((id, index) => index > round.index && this.deps.content.questions.has(id));
    if (nextIndex === -1) return this.close(key, round);
    if (endEarly) return this.close(key, round, endEarly);
    const next = this.questionAt(round, nextIndex) as Question;
    const deadline = new Date(this.now().getTime() + round.seconds * 1000).toISOString();
    const moved: Round = { ...round, revealed: false, index: nextIndex, deadline, answers: {}, recorded: [], messageId: null };
    let messageId: string;
    try {
      messageId = await this.deps.display.ask(this.view(moved, next));
    } catch (err) {
      this.deps.log.warn({ err, round: round.id, channel: round.channel }, 'could not post the next round question; closing the round');
      return this.close(key, round, 'failure');
    }
    await this.rounds.update(key, (current) => (current?.id === round.id ? { ...moved, tally: current.tally, messageId } : this.gone()));
    this.arm(key, deadline);
  }

  /** Records everyone's answer, then shows the result on the question's message. Safe to run again. */
  private async reveal(key: string, round: Round, question: Question): Promise<void> {
    const pending = Object.entries(round.answers).filter(([user]) => !round.recorded.includes(user));
    const results = await Promise.allSettled(
      pending.map(([user, answer]) =>
        this.deps.quiz.record(round.guild, user, {
          id: `r.${round.id}.${round.index}`,
          question,
          choice: answer.choice,
          at: new Date(answer.at),
          version: round.version,
        }),
      ),
    );
    const done = pending.flatMap(([user], index) => {
      const result = results[index];
      return result?.status === 'fulfilled' ? [{ user, graded: result.value.graded }] : [];
    });
    const updated = await this.rounds.update(key, (current) => {
      if (current?.id !== round.id) return this.gone();
      const tally = { ...current.tally };
      for (const { user, graded } of done) {
        const totals = tally[user] ?? emptyTotals();
        tally[user] = {
          answered: totals.answered + 1,
          correct: totals.correct + (graded.correct ? 1 : 0),
          points: totals.points + graded.points,
        };
      }
      return { ...current, tally, recorded: [...current.recorded, ...done.map(({ user }) => user)] };
    });
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;

    const answers = Object.entries(round.answers).sort(([, a], [, b]) => a.at.localeCompare(b.at));
    await this.deps.display.reveal(round.messageId, {
      ...this.view(round, question),
      counts: question.choices.map((_, choice) => answers.filter(([, answer]) => answer.choice === choice).length),
      right: answers.filter(([, answer]) => answer.choice === question.answer).map(([user]) => user),
      answered: answers.length,
    });
    await this.rounds.update(key, (current) =>
      current?.id === round.id ? { ...current, revealed: true, tally: updated.tally } : this.gone(),
    );
  }

  private async close(key: string, round: Round, endedEarly?: RoundSummary['endedEarly']): Promise<void> {
    const latest = (await this.rounds.get(key)) ?? round;
    await this.rounds.delete(key);
    const standings = Object.entries(latest.tally)
      .map(([user, totals]) => ({ user, ...totals }))
      .sort((a, b) => b.points - a.points || b.correct - a.correct || a.user.localeCompare(b.user));
    const summary: RoundSummary = {
      roundId: round.id,
      channel: round.channel,
      asked: round.index + 1,
      total: round.questions.length,
      standings,
      ...(endedEarly ? { endedEarly } : {}),
    };
    await this.deps.display
      .finish(summary)
      .catch((err: unknown) => this.deps.log.warn({ err, round: round.id }, 'could not post the round summary'));
  }

  private gone(): never {
    throw new QuizRefusal(refusals.roundClosed);
  }
}
