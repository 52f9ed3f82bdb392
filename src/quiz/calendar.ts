import { DateTime } from 'luxon';

/**
 * Calendar days and weeks as plain strings, so records and tests compare them without time zones sneaking in.
 * luxon does the calendar math (zone offsets, ISO week-numbering years), as it does for the prompt slots.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

const DAY = 'yyyy-MM-dd';

/** The calendar day an instant falls on for someone living in `timeZone` (an IANA name such as Europe/Berlin). */
export function dayIn(at: Date, timeZone: string): Day {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Invalid time zone: ${timeZone}`);
  return local.toFormat(DAY);
}

export const addDays = (day: Day, days: number): Day => DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toFormat(DAY);

/** The ISO 8601 week of an instant in UTC, e.g. `2026-W48`: weeks start on Monday and the year is the week's own. */
export const isoWeek = (at: Date): string => DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("kkkk-'W'WW");
