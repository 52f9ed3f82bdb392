import { z } from 'zod';
import type { Question } from '../content/schema.js';
import type { Progress } from './records.js';
import { isDue } from './schedule.js';

/**
 * "Quiz my misses": a private round of only the member's reviews that have come due. A question missed here
 * comes back later in the same round until it is answered right (a conquest round). Only the first answer to
 * each question counts in progress (points, accuracy, its Leitner box); the re-asks are practice, so trying
 * again until right neither inflates accuracy nor rushes a question up the boxes.
 */
export const REVIEW_MAX = 10;
/** A missed question comes back after this many other questions (sooner when fewer are left). */
export const REASK_AFTER = 2;

const count = z.int().min(0);

export const ReviewAttemptSchema = z.object({
  /** Leitner box before the round. */
  boxBefore: z.int().min(0),
  firstCorrect: z.boolean(),
  tries: z.int().min(1),
  conquered: z.boolean(),
});

export const ReviewSessionSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  /** Questions still to ask; the first is the current one. */
  queue: z.array(z.string()),
  /** Questions shown so far, re-asks included: the current one is number `shown`. */
  shown: count,
  answered: z.boolean(),
  attempts: z.record(z.string(), ReviewAttemptSchema),
  startedAt: z.iso.datetime(),
});

export type ReviewAttempt = z.infer<typeof ReviewAttemptSchema>;
export type ReviewSession = z.infer<typeof ReviewSessionSchema>;

/** Due reviews among the bundle's questions: lowest box first, then longest overdue, at most `max`. */
export function dueReviews(progress: Progress | undefined, questions: readonly Question[], now: Date, max = REVIEW_MAX): Question[] {
  const history = progress?.questions ?? {};
  return questions
    .flatMap((question) => {
      const entry = history[question.id];
      return entry && isDue(entry, now) ? [{ question, entry }] : [];
    })
    .sort((a, b) => a.entry.box - b.entry.box || Date.parse(a.entry.due ?? '') - Date.parse(b.entry.due ?? ''))
    .slice(0, max)
    .map(({ question }) => question);
}

/** When the member's next review comes due (in the bundle), for "nothing is due yet". */
export function nextReviewAt(progress: Progress | undefined, questions: readonly Question[]): Date | undefined {
  const times = questions.flatMap((question) => {
    const due = progress?.questions[question.id]?.due;
    return due ? [Date.parse(due)] : [];
  });
  return times.length === 0 ? undefined : new Date(Math.min(...times));
}

export function newReview(id: string, questions: readonly Question[], now: Date): ReviewSession {
  return { v: 1, id, queue: questions.map((q) => q.id), shown: 1, answered: false, attempts: {}, startedAt: now.toISOString() };
}

export const currentQuestion = (session: ReviewSession) => session.queue[0];
export const isFirstTry = (session: ReviewSession, question: string) => session.attempts[question] === undefined;

/** The round after an answer to its current question. */
export function afterAnswer(session: ReviewSession, question: string, correct: boolean, boxBefore: number): ReviewSession {
  const earlier = session.attempts[question];
  const attempt: ReviewAttempt = earlier
    ? { ...earlier, tries: earlier.tries + 1, conquered: earlier.conquered || correct }
    : { boxBefore, firstCorrect: correct, tries: 1, conquered: correct };
  return { ...session, answered: true, attempts: { ...session.attempts, [question]: attempt } };
}

/** Moves on: a question still not answered right goes back in the queue, REASK_AFTER questions later. */
export function advance(session: ReviewSession): ReviewSession {
  const [current, ...rest] = session.queue;
  const again = current !== undefined && session.attempts[current]?.conquered === false;
  const queue = again ? [...rest.slice(0, REASK_AFTER), current, ...rest.slice(REASK_AFTER)] : rest;
  return { ...session, queue, answered: false, shown: queue.length === 0 ? session.shown : session.shown + 1 };
}

export interface ReviewOutcome {
  readonly question: string;
  readonly boxBefore: number;
  /** 0 = out of review (learned); otherwise the Leitner box it is in now. */
  readonly boxAfter: number;
  readonly firstCorrect: boolean;
  readonly tries: number;
  readonly conquered: boolean;
}

export interface ReviewSummary {
  readonly outcomes: readonly ReviewOutcome[];
  /** Right at the first try: moved up a box, or out of review from the last box. */
  readonly movedUp: readonly ReviewOutcome[];
  /** Missed at first, then answered right later in the round. */
  readonly conquered: readonly ReviewOutcome[];
  readonly firstTryRight: number;
}

export function reviewSummary(session: ReviewSession, progress: Progress | undefined): ReviewSummary {
  const outcomes = Object.entries(session.attempts).map(([question, attempt]) => ({
    question,
    ...attempt,
    boxAfter: progress?.questions[question]?.box ?? attempt.boxBefore,
  }));
  return {
    outcomes,
    movedUp: outcomes.filter((o) => o.firstCorrect),
    conquered: outcomes.filter((o) => !o.firstCorrect && o.conquered),
    firstTryRight: outcomes.filter((o) => o.firstCorrect).length,
  };
}
