import { MAX_BOX, type QuestionHistory } from './records.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Wait before the next review, by Leitner box: a miss comes back soon, each right review waits longer. */
export const REVIEW_AFTER_MS: Readonly<Record<number, number>> = { 1: 10 * MINUTE, 2: DAY, 3: 3 * DAY, 4: 7 * DAY, 5: 14 * DAY };

type Schedule = Pick<QuestionHistory, 'box' | 'due'>;

/**
 * Leitner boxes for missed questions: a wrong answer puts the question in box 1; each right answer at review
 * moves it up a box with a longer wait; a right answer in the last box takes it out of review (box 0).
 * A question answered right when not under review stays out of review.
 */
export function reschedule(previous: Schedule | undefined, correct: boolean, at: Date): Schedule {
  const box = !correct ? 1 : !previous || previous.box === 0 || previous.box === MAX_BOX ? 0 : previous.box + 1;
  return { box, due: box === 0 ? null : new Date(at.getTime() + (REVIEW_AFTER_MS[box] ?? DAY)).toISOString() };
}

export const isDue = (entry: Schedule, now: Date) => entry.box > 0 && entry.due !== null && Date.parse(entry.due) <= now.getTime();
