import type { Question } from '../content/schema.js';
import { type Random, shuffled } from '../random.js';
import type { Difficulty, QuestionHistory } from './records.js';
import { isDue } from './schedule.js';

export interface QuestionFilter {
  readonly section?: string | null;
  readonly difficulty?: Difficulty | null;
}

export interface Pick {
  readonly question: Question;
  readonly reason: 'review' | 'new' | 'again';
}

export const matches = (question: Question, { section, difficulty }: QuestionFilter) =>
  (!section || question.section === section) && (!difficulty || question.difficulty === difficulty);

/**
 * The next question for a member: first reviews that have come due (missed questions, lowest Leitner box and
 * then longest overdue first), then a question they have never seen, then the one they saw longest ago.
 * Only questions in the current bundle are candidates, so history of removed questions is kept but skipped;
 * `exclude` (the session's questions so far) is never repeated.
 */
export function pickNext(
  questions: readonly Question[],
  history: Readonly<Record<string, QuestionHistory>>,
  options: { filter?: QuestionFilter; exclude?: ReadonlySet<string>; now: Date; random?: Random },
): Pick | undefined {
  const { filter = {}, exclude = new Set<string>(), now, random = Math.random } = options;
  const candidates = questions.filter((question) => matches(question, filter) && !exclude.has(question.id));
  const seen = candidates.flatMap((question) => {
    const entry = history[question.id];
    return entry ? [{ question, entry }] : [];
  });

  const due = seen
    .filter(({ entry }) => isDue(entry, now))
    .sort((a, b) => a.entry.box - b.entry.box || Date.parse(a.entry.due ?? '') - Date.parse(b.entry.due ?? ''));
  if (due[0]) return { question: due[0].question, reason: 'review' };

  const unseen = candidates.filter((question) => history[question.id] === undefined);
  if (unseen.length > 0) {
    const question = unseen[Math.min(unseen.length - 1, Math.floor(random() * unseen.length))];
    if (question) return { question, reason: 'new' };
  }

  const oldest = seen.sort((a, b) => Date.parse(a.entry.lastSeen) - Date.parse(b.entry.lastSeen))[0];
  return oldest ? { question: oldest.question, reason: 'again' } : undefined;
}

/** `count` different questions in random order, for a channel round. */
export function sample(questions: readonly Question[], count: number, random: Random = Math.random): Question[] {
  return shuffled(questions, random).slice(0, count);
}
