import { DateTime } from 'luxon';
import type { ReminderSettings } from './record.js';

/**
 * When a member's review reminder is due: once a day at their chosen wall-clock time in their own zone, moved
 * to the end of their quiet hours when it falls inside them, and never twice on one local day. luxon's
 * zone-aware calendar math resolves each day on its own, so the time holds across DST: a time that does not
 * exist that night (spring forward) moves on by the gap; one that exists twice (fall back) is the first.
 */
export type Timing = Pick<ReminderSettings, 'time' | 'quiet' | 'lastSentDay'>;

const minutesOf = (time: string) => {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return hour * 60 + minute;
};

/** Whether a wall-clock time lies in [from, to), where the range may wrap midnight. */
export function inQuietHours(time: string, quiet: Timing['quiet']): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  const [t, from, to] = [minutesOf(time), minutesOf(quiet.from), minutesOf(quiet.to)];
  return from < to ? t >= from && t < to : t >= from || t < to;
}

/** The wall-clock time a reminder is actually sent at: the chosen time, or the end of quiet hours. */
export const effectiveTime = ({ time, quiet }: Pick<Timing, 'time' | 'quiet'>) => (quiet && inQuietHours(time, quiet) ? quiet.to : time);

/** The reminder instant on one local day (`YYYY-MM-DD`) in `zone`. */
export function slotOn(day: string, timing: Pick<Timing, 'time' | 'quiet'>, zone: string): Date {
  const minutes = minutesOf(effectiveTime(timing));
  return DateTime.fromISO(day, { zone })
    .set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 })
    .toJSDate();
}

/** The local day of an instant in `zone`. */
export const localDay = (at: Date, zone: string): string => DateTime.fromJSDate(at, { zone }).toISODate() ?? '';

/** The first reminder instant strictly after `after` on a local day other than the last one reminded. */
export function nextReminder(timing: Timing, zone: string, after: Date): Date {
  const start = DateTime.fromJSDate(after, { zone }).startOf('day').minus({ days: 1 });
  for (let offset = 0; ; offset++) {
    const day = start.plus({ days: offset }).toISODate() ?? '';
    const slot = slotOn(day, timing, zone);
    if (slot > after && day !== timing.lastSentDay) return slot;
  }
}
