import type { Question } from '../content/schema.js';
import { isoWeek } from './calendar.js';
import { emptyTotals, type Progress, type QuestionHistory, type Totals } from './records.js';

/** "Lately" in /progress: the current ISO week and the three before it (per-section totals are kept per week). */
export const RECENT_WEEKS = 4;
export const HARDEST_SHOWN = 5;
const WEEK_MS = 7 * 86_400_000;

export interface Accuracy {
  readonly answered: number;
  readonly correct: number;
  /** null when nothing was answered. */
  readonly share: number | null;
}

export interface SectionTrend {
  readonly section: string;
  readonly recent: Accuracy;
  readonly before: Accuracy;
}

export interface Hardest {
  readonly question: Question;
  readonly seen: number;
  readonly right: number;
}

export interface Insights {
  /** Questions whose first answer was right, among those whose first answer is known. */
  readonly firstTry: Accuracy;
  readonly sections: readonly SectionTrend[];
  readonly hardest: readonly Hardest[];
}

const accuracy = (answered: number, correct: number): Accuracy => ({
  answered,
  correct,
  share: answered === 0 ? null : correct / answered,
});

export const recentWeeks = (now: Date): string[] =>
  Array.from({ length: RECENT_WEEKS }, (_, back) => isoWeek(new Date(now.getTime() - back * WEEK_MS)));

function firstTry(progress: Progress): Accuracy {
  const known = Object.values(progress.questions).filter((entry) => entry.firstCorrect !== null);
  return accuracy(known.length, known.filter((entry) => entry.firstCorrect).length);
}

const add = (a: Totals, b: Totals): Totals => ({
  answered: a.answered + b.answered,
  correct: a.correct + b.correct,
  points: a.points + b.points,
});

/**
 * Per section, the last RECENT_WEEKS ISO weeks against everything before. "Before" is the all-time count of the
 * section's current questions less the recent weeks, so history from before per-section weeks were kept still counts.
 */
function sectionTrends(progress: Progress, sections: readonly string[], questions: readonly Question[], now: Date): SectionTrend[] {
  const weeks = recentWeeks(now);
  return sections.map((section) => {
    const recent = weeks.reduce((sum, week) => add(sum, progress.sectionWeeks[week]?.[section] ?? emptyTotals()), emptyTotals());
    const all = questions
      .filter((question) => question.section === section)
      .reduce(
        (sum, question) => {
          const entry = progress.questions[question.id];
          return entry ? { seen: sum.seen + entry.seen, right: sum.right + entry.right } : sum;
        },
        { seen: 0, right: 0 },
      );
    const beforeSeen = Math.max(0, all.seen - recent.answered);
    const beforeRight = Math.min(beforeSeen, Math.max(0, all.right - recent.correct));
    return { section, recent: accuracy(recent.answered, recent.correct), before: accuracy(beforeSeen, beforeRight) };
  });
}

const misses = (entry: QuestionHistory) => entry.seen - entry.right;

/** The member's most-missed questions still in the bundle: most misses first, then lowest accuracy. */
function hardest(progress: Progress, questions: readonly Question[]): Hardest[] {
  return questions
    .flatMap((question) => {
      const entry = progress.questions[question.id];
      return entry && misses(entry) > 0 ? [{ question, seen: entry.seen, right: entry.right }] : [];
    })
    .sort(
      (a, b) => b.seen - b.right - (a.seen - a.right) || a.right / a.seen - b.right / b.seen || a.question.id.localeCompare(b.question.id),
    )
    .slice(0, HARDEST_SHOWN);
}

export function insightsOf(progress: Progress, sections: readonly string[], questions: readonly Question[], now: Date): Insights {
  return {
    firstTry: firstTry(progress),
    sections: sectionTrends(progress, sections, questions, now),
    hardest: hardest(progress, questions),
  };
}
