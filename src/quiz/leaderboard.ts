import { isoWeek } from './calendar.js';
import type { Progress } from './records.js';

export const periods = ['week', 'all-time'] as const;
export type Period = (typeof periods)[number];

export interface Standing {
  readonly user: string;
  readonly rank: number;
  readonly points: number;
  readonly correct: number;
}

export interface Board {
  readonly period: Period;
  /** The ISO week shown for `week`, e.g. 2026-W48. */
  readonly week: string;
  readonly top: readonly Standing[];
  /** The caller, when they have points in the period. */
  readonly me: Standing | undefined;
  readonly ranked: number;
}

/**
 * Ranks members by points in the period. The week is the current ISO week (UTC) worked out from `now`, so the
 * weekly board starts again on Monday without any job having to run; ties share a rank (1, 2, 2, 4).
 */
export function rank(
  entries: readonly { user: string; progress: Progress }[],
  period: Period,
  now: Date,
  caller: string,
  size = 10,
): Board {
  const week = isoWeek(now);
  const scored = entries
    .map(({ user, progress }) => {
      const totals = period === 'all-time' ? progress : progress.weeks[week];
      return { user, points: totals?.points ?? 0, correct: totals?.correct ?? 0 };
    })
    .filter((entry) => entry.points > 0)
    .sort((a, b) => b.points - a.points || b.correct - a.correct || a.user.localeCompare(b.user));
  const standings: Standing[] = [];
  scored.forEach((entry, index) => {
    const previous = standings[index - 1];
    standings.push({ ...entry, rank: previous && previous.points === entry.points ? previous.rank : index + 1 });
  });
  return {
    period,
    week,
    top: standings.slice(0, size),
    me: standings.find((standing) => standing.user === caller),
    ranked: standings.length,
  };
}
