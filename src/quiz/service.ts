import { randomBytes } from 'node:crypto';
import pMap from 'p-map';
import type { Clock } from '../clock.js';
import type { Content } from '../content/content.js';
import type { Question } from '../content/schema.js';
import type { Random } from '../random.js';
import type { Repository } from '../store/repository.js';
import type { Store } from '../store/store.js';
import { type AnySlot, type Currents, type Nexts, type Saved, updateTogether } from '../store/together.js';
import { QuizRefusal, refusals } from './errors.js';
import type { Graded } from './grade.js';
import { type Board, type Period, rank } from './leaderboard.js';
import { type AnswerInput, applyAnswer, historyOf, type ProgressSummary, type Recorded, summarize, withHistoryMoved } from './progress.js';
import {
  emptyProgress,
  HISTORY_BATCH,
  HistorySchema,
  type LoggedAnswer,
  type Members,
  MembersSchema,
  memberKey,
  type Progress,
  ProgressSchema,
  type Session,
  SessionSchema,
} from './records.js';
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

const withMember = (list: Members | undefined, user: string): Members =>
  list?.members.includes(user) ? list : { v: 1, members: [...(list?.members ?? []), user] };

const totalsOf = (session: Session): SessionTotals => ({
  asked: session.asked.length,
  right: session.right,
  points: session.points,
});

/**
 * The quiz for members of one or more guilds: private sessions, answers, progress and the leaderboard.
 * Every write goes through Repository.update or updateTogether (serialized per key), and an answer carries an id
 * so that a retry after a failed write is never counted twice.
 */
export class QuizService {
  readonly progress: Repository<typeof ProgressSchema>;
  /** Each member's answer log, written once a batch of answers is pending (moveHistory). */
  readonly history: Repository<typeof HistorySchema>;
  readonly sessions: Repository<typeof SessionSchema>;
  readonly members: Repository<typeof MembersSchema>;
  /**
   * Members this process has seen on their guild's list (keyed guild/user), whose answers need not read the list
   * again. The guild lives on this shard, so no other process removes them meanwhile.
   */
  private readonly listed = new Set<string>();

  constructor(private readonly deps: QuizDeps) {
    this.progress = deps.store.repository('quiz.progress', ProgressSchema);
    this.history = deps.store.repository('quiz.history', HistorySchema);
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
    let asked: Asked | undefined;
    await updateTogether([this.sessions.at(key), this.progress.at(key)], ([current, progress]) => {
      const picked = this.pick(progress, filter, []);
      if (!picked) return [current, progress];
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
      asked = { session, question: picked.question, n: 1, reason: picked.reason };
      return [session, progress];
    });
    return asked;
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

  /**
   * Grades the member's answer to question `n` of their session and records it: the session, the progress and (the
   * first time) the guild's member list are read together and written together, in one atomic write.
   */
  async answer(guild: string, user: string, sessionId: string, n: number, choice: number): Promise<Verdict> {
    const key = memberKey(guild, user);
    let recorded: Recorded | undefined;
    const [session] = await this.updateListed(guild, user, [this.sessions.at(key), this.progress.at(key)], ([stored, progress]) => {
      const own = this.own(stored, sessionId);
      if (own.asked.length !== n) throw new QuizRefusal(refusals.movedOn);
      if (own.answered) throw new QuizRefusal(refusals.alreadyAnswered);
      recorded = applyAnswer(progress, {
        id: `s.${sessionId}.${n}`,
        question: this.current(own),
        choice,
        at: this.now(),
        version: this.content.version,
      });
      const { graded } = recorded;
      return [
        { ...own, answered: true, right: own.right + (graded.correct ? 1 : 0), points: own.points + graded.points },
        recorded.progress,
      ];
    });
    if (!recorded || !session) throw new Error('answer update did not run');
    await this.moveHistory(key, recorded.progress);
    const { graded, progress, today } = recorded;
    return { graded, n, session, streak: currentStreak(progress.streak, today) };
  }

  /** The session's next question, or its totals when the selection has run out. */
  async next(guild: string, user: string, sessionId: string): Promise<NextResult> {
    const key = memberKey(guild, user);
    let asked: Asked | undefined;
    const [session] = await updateTogether([this.sessions.at(key), this.progress.at(key)], ([stored, progress]) => {
      const own = this.own(stored, sessionId);
      const shown = this.content.questions.get(own.asked.at(-1) ?? '');
      if (!own.answered && shown) {
        asked = { session: own, question: shown, n: own.asked.length, reason: 'again' };
        return [own, progress];
      }
      // Answered, or the unanswered question left the bundle (a restart with new content): move on.
      const picked = this.pick(progress, own, own.asked);
      if (!picked) return [own, progress];
      const moved: Session = { ...own, asked: [...own.asked, picked.question.id], answered: false };
      asked = { session: moved, question: picked.question, n: moved.asked.length, reason: picked.reason };
      return [moved, progress];
    });
    if (asked) return { kind: 'asked', asked };
    await this.sessions.delete(key);
    if (!session) throw new Error('next update did not run');
    return { kind: 'finished', totals: totalsOf(session) };
  }

  async stop(guild: string, user: string, sessionId: string): Promise<SessionTotals> {
    const key = memberKey(guild, user);
    const session = this.own(await this.sessions.get(key), sessionId);
    await this.sessions.delete(key);
    return totalsOf(session);
  }

  /**
   * updateTogether over the member's own records, with the guild's member list added until this process has seen
   * them on it: a member is listed in the same atomic write as their first progress, so the leaderboard never misses
   * counted points.
   */
  private async updateListed<const T extends readonly AnySlot[]>(
    guild: string,
    user: string,
    slots: T,
    change: (current: Currents<T>) => Nexts<T>,
  ): Promise<Saved<T>> {
    const key = memberKey(guild, user);
    const list = this.listed.has(key) ? undefined : this.members.at(guild);
    const saved = await updateTogether([...slots, list] as readonly AnySlot[], (current) => [
      ...(change(current.slice(0, slots.length) as Currents<T>) as unknown[]),
      withMember(current[slots.length] as Members | undefined, user),
    ]);
    if (list) this.listed.add(key);
    return saved.slice(0, slots.length) as Saved<T>;
  }

  /** Records one answer in the member's progress (rounds and reviews; a private quiz's answer() does it with its session). */
  async record(guild: string, user: string, input: AnswerInput): Promise<Recorded> {
    let recorded: Recorded | undefined;
    const key = memberKey(guild, user);
    await this.updateListed(guild, user, [this.progress.at(key)], ([current]) => {
      recorded = applyAnswer(current, input);
      return [recorded.progress];
    });
    if (!recorded) throw new Error('progress update did not run');
    await this.moveHistory(key, recorded.progress);
    return recorded;
  }

  /**
   * Once a batch of answers is pending in the progress record, moves them to the history log, the two in one atomic
   * write of their own: the answer's write stays one record (the log is read only every HISTORY_BATCH answers), and
   * if this write fails or the process dies first, the answers stay pending and the next answer moves them.
   */
  private async moveHistory(key: string, progress: Progress): Promise<void> {
    if (progress.pending.length < HISTORY_BATCH) return;
    await updateTogether([this.progress.at(key), this.history.at(key)], ([current, log]) =>
      current ? withHistoryMoved(current, log) : [current, log],
    );
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

  /**
   * A member's progress and kept answers, oldest first, for the export: read under both records' locks, so a batch
   * moving to the log meanwhile is seen once.
   */
  async exported(guild: string, user: string): Promise<{ progress: Progress | undefined; answers: LoggedAnswer[] }> {
    const key = memberKey(guild, user);
    const [progress, log] = await updateTogether([this.progress.at(key), this.history.at(key)], (current) => current);
    return { progress, answers: historyOf(progress, log) };
  }

  async setTimeZone(guild: string, user: string, timeZone: string): Promise<void> {
    await this.updateListed(guild, user, [this.progress.at(memberKey(guild, user))], ([current]) => [
      { ...(current ?? emptyProgress()), timeZone },
    ]);
  }

  /** Deletes everything the quiz keeps about a member in one guild (reports they filed stay with the moderators). */
  async reset(guild: string, user: string): Promise<void> {
    const key = memberKey(guild, user);
    await this.progress.delete(key);
    await this.history.delete(key);
    await this.sessions.delete(key);
    this.listed.delete(key);
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
