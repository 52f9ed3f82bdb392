import type { Question } from '../content/schema.js';
import { type Day, dayIn, isoWeek } from './calendar.js';
import { type Graded, grade } from './grade.js';
import {
  type Answer,
  emptyProgress,
  emptyTotals,
  HISTORY_BATCH,
  HISTORY_KEPT,
  type History,
  type LoggedAnswer,
  MAX_BOX,
  type Progress,
  type QuestionHistory,
  RECENT_ANSWERS,
  type Totals,
  WEEKS_KEPT,
} from './records.js';
import { isDue, reschedule } from './schedule.js';
import { currentStreak, extendStreak } from './streak.js';

export interface AnswerInput {
  /** Unique per answering opportunity; the same id again is a retry and is not counted twice. */
  readonly id: string;
  readonly question: Question;
  readonly choice: number;
  readonly at: Date;
  /** Content bundle version the question came from. */
  readonly version: string;
}

export interface Recorded {
  readonly progress: Progress;
  readonly graded: Graded;
  readonly duplicate: boolean;
  /** The answer's day in the member's time zone. */
  readonly today: Day;
}

const addTo = (totals: Totals, graded: Graded): Totals => ({
  answered: totals.answered + 1,
  correct: totals.correct + (graded.correct ? 1 : 0),
  points: totals.points + graded.points,
});

const latestWeeks = <T>(weeks: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.entries(weeks)
      .sort(([a], [b]) => b.localeCompare(a))
      .slice(0, WEEKS_KEPT),
  );

function wrongAfter(previous: QuestionHistory | undefined, graded: Graded): Record<string, number> {
  const wrong = previous?.wrongChoices ?? {};
  return graded.correct ? wrong : { ...wrong, [graded.choice]: (wrong[graded.choice] ?? 0) + 1 };
}

function historyAfter(previous: QuestionHistory | undefined, graded: Graded, at: Date, version: string): QuestionHistory {
  return {
    seen: (previous?.seen ?? 0) + 1,
    right: (previous?.right ?? 0) + (graded.correct ? 1 : 0),
    lastSeen: at.toISOString(),
    lastCorrect: graded.correct,
    ...reschedule(previous, graded.correct, at),
    version,
    firstCorrect: previous ? previous.firstCorrect : graded.correct,
    lastChoice: graded.choice,
    wrongChoices: wrongAfter(previous, graded),
  };
}

function sectionWeeksAfter(progress: Progress, week: string, section: string, graded: Graded): Progress['sectionWeeks'] {
  const inWeek = progress.sectionWeeks[week] ?? {};
  return latestWeeks({ ...progress.sectionWeeks, [week]: { ...inWeek, [section]: addTo(inWeek[section] ?? emptyTotals(), graded) } });
}

/** One answer folded into a member's progress: totals, week, streak, the question's schedule and the recent log. */
export function applyAnswer(current: Progress | undefined, input: AnswerInput): Recorded {
  const progress = current ?? emptyProgress();
  const today = dayIn(input.at, progress.timeZone);
  const earlier = progress.recent.find((answer) => answer.id === input.id);
  if (earlier) return { progress, graded: grade(input.question, earlier.choice), duplicate: true, today };

  const graded = grade(input.question, input.choice);
  const week = isoWeek(input.at);
  const answer: Answer = {
    id: input.id,
    question: input.question.id,
    choice: input.choice,
    correct: graded.correct,
    points: graded.points,
    at: input.at.toISOString(),
    version: input.version,
  };
  const totals = addTo(progress, graded);
  return {
    duplicate: false,
    graded,
    today,
    progress: {
      ...progress,
      ...totals,
      streak: extendStreak(progress.streak, today),
      questions: {
        ...progress.questions,
        [input.question.id]: historyAfter(progress.questions[input.question.id], graded, input.at, input.version),
      },
      weeks: latestWeeks({ ...progress.weeks, [week]: addTo(progress.weeks[week] ?? emptyTotals(), graded) }),
      recent: [...progress.recent, answer].slice(-RECENT_ANSWERS),
      pending: [...progress.pending, { question: answer.question, choice: answer.choice, correct: answer.correct, at: answer.at }].slice(
        -(HISTORY_KEPT + HISTORY_BATCH),
      ),
      sectionWeeks: sectionWeeksAfter(progress, week, input.question.section, graded),
    },
  };
}

/** A member's kept answers, oldest first: the log's, then those still pending in the progress record. */
export const historyOf = (progress: Progress | undefined, log: History | undefined): LoggedAnswer[] =>
  [...(log?.answers ?? []), ...(progress?.pending ?? [])].slice(-HISTORY_KEPT);

/**
 * The progress record and history log after an answer: once HISTORY_BATCH answers are pending they move to the log
 * (the two are written together); until then both are handed back as they were, and the log is not written.
 */
export function withHistoryMoved(progress: Progress, log: History | undefined): [Progress, History | undefined] {
  if (progress.pending.length < HISTORY_BATCH) return [progress, log];
  return [
    { ...progress, pending: [] },
    { v: 1, answers: historyOf(progress, log) },
  ];
}

export interface SectionMastery {
  readonly section: string;
  /** 0–1: a question counts fully once known, partly while under review, not at all unseen. */
  readonly mastery: number;
  readonly seen: number;
  readonly total: number;
}

export interface ProgressSummary {
  readonly answered: number;
  readonly correct: number;
  /** null before the first answer. */
  readonly accuracy: number | null;
  readonly points: number;
  readonly weekPoints: number;
  readonly streak: { readonly current: number; readonly best: number };
  readonly mastery: readonly SectionMastery[];
  /** Questions under review whose time has come (only those still in the bundle). */
  readonly due: number;
  readonly timeZone: string;
}

const questionMastery = (entry: QuestionHistory | undefined) => (!entry ? 0 : entry.box === 0 ? 1 : (entry.box - 1) / MAX_BOX);

export function summarize(
  progress: Progress | undefined,
  sections: readonly string[],
  questions: readonly Question[],
  now: Date,
): ProgressSummary {
  const p = progress ?? emptyProgress();
  const history = (question: Question) => p.questions[question.id];
  const mastery = sections.map((section): SectionMastery => {
    const inSection = questions.filter((question) => question.section === section);
    const total = inSection.length;
    const sum = inSection.reduce((acc, question) => acc + questionMastery(history(question)), 0);
    return { section, total, seen: inSection.filter((question) => history(question)).length, mastery: total === 0 ? 0 : sum / total };
  });
  return {
    answered: p.answered,
    correct: p.correct,
    accuracy: p.answered === 0 ? null : p.correct / p.answered,
    points: p.points,
    weekPoints: p.weeks[isoWeek(now)]?.points ?? 0,
    streak: { current: currentStreak(p.streak, dayIn(now, p.timeZone)), best: p.streak?.best ?? 0 },
    mastery,
    due: questions.filter((question) => {
      const entry = history(question);
      return entry !== undefined && isDue(entry, now);
    }).length,
    timeZone: p.timeZone,
  };
}
