import { randomBytes } from 'node:crypto';
import pMap from 'p-map';
import type { Clock } from '../clock.js';
import type { Content } from '../content/content.js';
import type { Question } from '../content/schema.js';
import type { Random } from '../random.js';
import type { Repository } from '../store/repository.js';
import type { Store } from '../store/store.js';
import { dayIn } from './calendar.js';
import { QuizRefusal, refusals } from './errors.js';
import type { Graded } from './grade.js';
import { type Board, type Period, rank } from './leaderboard.js';
import { type AnswerInput, applyAnswer, type ProgressSummary, type Recorded, summarize } from './progress.js';
import { emptyProgress, MembersSchema, memberKey, type Progress, ProgressSchema, type Session, SessionSchema } from './records.js';
import { type Pick, pickNext, type QuestionFilter } from './select.js';
import { currentStreak } from './streak.js';

export interface QuizDeps {
  readonly store: Store;
  readonly content: Content;
  readonly clock: Clock;
  readonly random?: Random;
}

/** A question put to a member in a private quiz. */
export interface Asked {
  readonly session: Session;
  readonly question: Question;
  /** 1-based position in the session. */
  readonly n: number;
  readonly reason: Pick['reason'];
}

export interface SessionTotals {
  readonly asked: number;
  readonly right: number;
  readonly points: number;
}

export type NextResult = { readonly kind: 'asked'; readonly asked: Asked } | { readonly kind: 'finished'; readonly totals: SessionTotals };

export interface Verdict {
  readonly graded: Graded;
  readonly n: number;
  readonly session: Session;
  readonly streak: number;
}

export const newId = () => randomBytes(6).toString('base64url');

const totalsOf = (session: Session): SessionTotals => ({
  asked: session.asked.length,
  right: session.right,
  points: session.points,
});

/**
 * The quiz for members of one or more guilds: private sessions, answers, progress and the leaderboard.
 * Every write goes through Repository.update (serialized per key), and an answer carries an id so that a
 * retry after a failed write is never counted twice.
 */
export class QuizService {
  readonly progress: Repository<typeof ProgressSchema>;
  readonly sessions: Repository<typeof SessionSchema>;
  readonly members: Repository<typeof MembersSchema>;
  /** Members this process has put on their guild's list (keyed guild/user). */
  private readonly joined = new Map<string, Promise<void>>();

  constructor(private readonly deps: QuizDeps) {
    this.progress = deps.store.repository('quiz.progress', ProgressSchema);
    this.sessions = deps.store.repository('quiz.sessions', SessionSchema);
    this.members = deps.store.repository('quiz.members', MembersSchema);
  }

  get content(): Content {
    return this.deps.content;
  }

  private now = () => this.deps.clock.now();

  private pick(progress: Progress | undefined, filter: QuestionFilter, exclude: readonly string[]): Pick | undefined {
    return pickNext(this.content.bundle.questions, progress?.questions ?? {}, {
      filter,
      exclude: new Set(exclude),
      now: this.now(),
      ...(this.deps.random ? { random: this.deps.random } : {}),
    });
  }

  /** Starts (or restarts) a member's private quiz; undefined when no question matches the filter. */
  async start(guild: string, user: string, filter: QuestionFilter): Promise<Asked | undefined> {
    const key = memberKey(guild, user);
    const picked = this.pick(await this.progress.get(key), filter, []);
    if (!picked) return undefined;
    const session: Session = {
      v: 1,
      id: newId(),
      section: filter.section ?? null,
      difficulty: filter.difficulty ?? null,
      asked: [picked.question.id],
      answered: false,
      right: 0,
      points: 0,
      startedAt: this.now().toISOString(),
    };
    await this.sessions.set(key, session);
    return { session, question: picked.question, n: 1, reason: picked.reason };
  }

  private own(session: Session | undefined, sessionId: string): Session {
    if (!session || session.id !== sessionId) throw new QuizRefusal(refusals.sessionOver);
    return session;
  }

  private current(session: Session): Question {
    const question = this.content.questions.get(session.asked.at(-1) ?? '');
    if (!question) throw new QuizRefusal(refusals.questionRemoved);
    return question;
  }

  /** Grades the member's answer to question `n` of their session and records it. */
  async answer(guild: string, user: string, sessionId: string, n: number, choice: number): Promise<Verdict> {
    const key = memberKey(guild, user);
    const check = (session: Session | undefined) => {
      const own = this.own(session, sessionId);
      if (own.asked.length !== n) throw new QuizRefusal(refusals.movedOn);
      if (own.answered) throw new QuizRefusal(refusals.alreadyAnswered);
      return own;
    };
    const question = this.current(check(await this.sessions.get(key)));
    const recorded = await this.record(guild, user, {
      id: `s.${sessionId}.${n}`,
      question,
      choice,
      at: this.now(),
      version: this.content.version,
    });
    const { graded } = recorded;
    const session = await this.sessions.update(key, (current) => {
      const own = check(current);
      return { ...own, answered: true, right: own.right + (graded.correct ? 1 : 0), points: own.points + graded.points };
    });
    const { streak, timeZone } = recorded.progress;
    return { graded, n, session, streak: currentStreak(streak, dayIn(this.now(), timeZone)) };
  }

  /** The session's next question, or its totals when the selection has run out. */
  async next(guild: string, user: string, sessionId: string): Promise<NextResult> {
    const key = memberKey(guild, user);
    const progress = await this.progress.get(key);
    let asked: Asked | undefined;
    const session = await this.sessions.update(key, (stored) => {
      const own = this.own(stored, sessionId);
      const shown = this.content.questions.get(own.asked.at(-1) ?? '');
      if (!own.answered && shown) {
        asked = { session: own, question: shown, n: own.asked.length, reason: 'again' };
        return own;
      }
      // Answered, or the unanswered question left the bundle (a restart with new content): move on.
      const picked = this.pick(progress, own, own.asked);
      if (!picked) return own;
      const moved: Session = { ...own, asked: [...own.asked, picked.question.id], answered: false };
      asked = { session: moved, question: picked.question, n: moved.asked.length, reason: picked.reason };
      return moved;
    });
    if (asked) return { kind: 'asked', asked };
    await this.sessions.delete(key);
    return { kind: 'finished', totals: totalsOf(session) };
  }

  async stop(guild: string, user: string, sessionId: string): Promise<SessionTotals> {
    const key = memberKey(guild, user);
    const session = this.own(await this.sessions.get(key), sessionId);
    await this.sessions.delete(key);
    return totalsOf(session);
  }

  /**
   * Puts the member on the guild's list once per process: concurrent first answers share one write, later
   * answers none. The guild lives on this shard, so no other process removes them meanwhile.
   */
  private join(guild: string, user: string): Promise<void> {
    const key = memberKey(guild, user);
    let joining = this.joined.get(key);
    if (!joining) {
      joining = this.members
        .update(guild, (current) => (current?.members.includes(user) ? current : { v: 1, members: [...(current?.members ?? []), user] }))
        .then(() => undefined);
      this.joined.set(key, joining);
      joining.catch(() => this.joined.delete(key));
    }
    return joining;
  }

  /**
   * Records one answer in the member's progress. The guild's member list is written first, so a failure
   * leaves at worst a listed member without progress (the leaderboard skips them), never uncounted points.
   */
  async record(guild: string, user: string, input: AnswerInput): Promise<Recorded> {
    const key = memberKey(guild, user);
    await this.join(guild, user);
    let recorded: Recorded | undefined;
    await this.progress.update(key, (current) => {
      recorded = applyAnswer(current, input);
      return recorded.progress;
    });
    if (!recorded) throw new Error('progress update did not run');
    return recorded;
  }

  async summary(guild: string, user: string): Promise<ProgressSummary> {
    const { bundle } = this.content;
    const progress = await this.progress.get(memberKey(guild, user));
    return summarize(
      progress,
      bundle.sections.map((section) => section.id),
      bundle.questions,
      this.now(),
    );
  }

  async setTimeZone(guild: string, user: string, timeZone: string): Promise<void> {
    await this.join(guild, user);
    await this.progress.update(memberKey(guild, user), (current) => ({ ...(current ?? emptyProgress()), timeZone }));
  }

  /** Deletes everything the quiz keeps about a member in one guild (reports they filed stay with the moderators). */
  async reset(guild: string, user: string): Promise<void> {
    const key = memberKey(guild, user);
    await this.progress.delete(key);
    await this.sessions.delete(key);
    this.joined.delete(key);
    await this.members.update(guild, (current) => ({ v: 1, members: (current?.members ?? []).filter((member) => member !== user) }));
  }

  /** Every listed member's progress in a guild (members without a record are left out). */
  async memberProgress(guild: string): Promise<{ user: string; progress: Progress }[]> {
    const members = (await this.members.get(guild))?.members ?? [];
    // p-map (well kept, no dependencies) keeps a large guild's reads to 25 in flight at a time.
    const read = await pMap(members, async (user) => ({ user, progress: await this.progress.get(memberKey(guild, user)) }), {
      concurrency: 25,
    });
    return read.flatMap(({ user, progress }) => (progress ? [{ user, progress }] : []));
  }

  async leaderboard(guild: string, period: Period, caller: string): Promise<Board> {
    return rank(await this.memberProgress(guild), period, this.now(), caller);
  }
}
