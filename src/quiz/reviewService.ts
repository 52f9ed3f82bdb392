import type { Clock } from '../clock.js';
import type { Content } from '../content/content.js';
import type { Question } from '../content/schema.js';
import type { Repository } from '../store/repository.js';
import type { Store } from '../store/store.js';
import { QuizRefusal, refusals } from './errors.js';
import { type Graded, grade } from './grade.js';
import { memberKey } from './records.js';
import {
  advance,
  afterAnswer,
  currentQuestion,
  dueReviews,
  isFirstTry,
  newReview,
  nextReviewAt,
  type ReviewSession,
  ReviewSessionSchema,
  type ReviewSummary,
  reviewSummary,
} from './review.js';
import { newId, type QuizService } from './service.js';

export interface ReviewDeps {
  readonly store: Store;
  readonly content: Content;
  readonly clock: Clock;
  readonly quiz: QuizService;
}

export const reviewRefusals = {
  over: 'This review round has ended or was replaced by a newer one. Start again with `/quiz review`.',
} as const;

/** A question of the round as shown: `n` counts re-asks too; `again` marks a re-ask of a missed question. */
export interface ReviewAsked {
  readonly session: ReviewSession;
  readonly question: Question;
  readonly n: number;
  readonly again: boolean;
  /** Questions left in the queue, this one included. */
  readonly left: number;
}

export type ReviewStart =
  | { readonly kind: 'asked'; readonly asked: ReviewAsked }
  | { readonly kind: 'nothing-due'; readonly nextDue: Date | undefined };

export interface ReviewVerdict {
  readonly graded: Graded;
  readonly session: ReviewSession;
  readonly n: number;
  /** Whether this answer counted in progress (the first try) or was practice (a re-ask). */
  readonly counted: boolean;
  readonly willReturn: boolean;
}

export type ReviewNext =
  | { readonly kind: 'asked'; readonly asked: ReviewAsked }
  | { readonly kind: 'finished'; readonly summary: ReviewSummary };

/** `/quiz review` and the reminder's "Start review": a member's conquest round over their due reviews. */
export class ReviewService {
  readonly sessions: Repository<typeof ReviewSessionSchema>;

  constructor(private readonly deps: ReviewDeps) {
    this.sessions = deps.store.repository('quiz.reviews', ReviewSessionSchema);
  }

  private now = () => this.deps.clock.now();

  /** How many of the member's reviews are due now (only questions still in the bundle). */
  async dueCount(guild: string, user: string): Promise<number> {
    const progress = await this.deps.quiz.progress.get(memberKey(guild, user));
    return dueReviews(progress, this.deps.content.bundle.questions, this.now(), Number.POSITIVE_INFINITY).length;
  }

  async start(guild: string, user: string): Promise<ReviewStart> {
    const key = memberKey(guild, user);
    const progress = await this.deps.quiz.progress.get(key);
    const due = dueReviews(progress, this.deps.content.bundle.questions, this.now());
    if (due.length === 0) return { kind: 'nothing-due', nextDue: nextReviewAt(progress, this.deps.content.bundle.questions) };
    const session = newReview(newId(), due, this.now());
    await this.sessions.set(key, session);
    return { kind: 'asked', asked: this.asked(session) };
  }

  async answer(guild: string, user: string, sessionId: string, n: number, choice: number): Promise<ReviewVerdict> {
    const key = memberKey(guild, user);
    const open = (session: ReviewSession | undefined) => {
      const own = this.own(session, sessionId);
      if (own.shown !== n) throw new QuizRefusal(refusals.movedOn);
      if (own.answered) throw new QuizRefusal(refusals.alreadyAnswered);
      return own;
    };
    const before = open(await this.sessions.get(key));
    const question = this.question(before);
    const counted = isFirstTry(before, question.id);
    const boxBefore = (await this.deps.quiz.progress.get(key))?.questions[question.id]?.box ?? 0;
    const graded = counted
      ? (
          await this.deps.quiz.record(guild, user, {
            id: `r.${sessionId}.${question.id}`,
            question,
            choice,
            at: this.now(),
            version: this.deps.content.version,
          })
        ).graded
      : grade(question, choice);
    const session = await this.sessions.update(key, (current) => afterAnswer(open(current), question.id, graded.correct, boxBefore));
    return { graded, session, n, counted, willReturn: !graded.correct };
  }

  async next(guild: string, user: string, sessionId: string): Promise<ReviewNext> {
    const key = memberKey(guild, user);
    const session = await this.sessions.update(key, (current) => {
      const own = this.own(current, sessionId);
      return own.answered || !this.deps.content.questions.has(currentQuestion(own) ?? '') ? advance(own) : own;
    });
    if (session.queue.length > 0) return { kind: 'asked', asked: this.asked(session) };
    return this.finish(key, session);
  }

  async stop(guild: string, user: string, sessionId: string): Promise<ReviewSummary> {
    const key = memberKey(guild, user);
    return (await this.finish(key, this.own(await this.sessions.get(key), sessionId))).summary;
  }

  private async finish(key: string, session: ReviewSession): Promise<{ kind: 'finished'; summary: ReviewSummary }> {
    await this.sessions.delete(key);
    return { kind: 'finished', summary: reviewSummary(session, await this.deps.quiz.progress.get(key)) };
  }

  private own(session: ReviewSession | undefined, sessionId: string): ReviewSession {
    if (!session || session.id !== sessionId) throw new QuizRefusal(reviewRefusals.over);
    return session;
  }

  private question(session: ReviewSession): Question {
    const question = this.deps.content.questions.get(currentQuestion(session) ?? '');
    if (!question) throw new QuizRefusal(refusals.questionRemoved);
    return question;
  }

  private asked(session: ReviewSession): ReviewAsked {
    const question = this.question(session);
    return { session, question, n: session.shown, again: !isFirstTry(session, question.id), left: session.queue.length };
  }
}
