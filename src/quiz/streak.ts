import { addDays, type Day } from './calendar.js';
import type { Streak } from './records.js';

/** Days in a row with at least one answer, counted in the member's own calendar days. */
export function extendStreak(streak: Streak | null, today: Day): Streak {
  if (!streak) return { day: today, length: 1, best: 1 };
  if (today <= streak.day) return streak; // same day, or an answer stamped before the last one
  const length = addDays(streak.day, 1) === today ? streak.length + 1 : 1;
  return { day: today, length, best: Math.max(streak.best, length) };
}

/** The streak as of `today`: it still counts until the member misses a whole day. */
export function currentStreak(streak: Streak | null, today: Day): number {
  if (!streak) return 0;
  return streak.day === today || addDays(streak.day, 1) === today ? streak.length : 0;
}
