import { DateTime } from 'luxon';

/**
 * Calendar days and weeks as plain strings, so records and tests compare them without time zones sneaking in.
 * luxon does the calendar math (adding days, ISO week-numbering years), as it does for the prompt slots; the
 * engine's Intl formatter names the day in a zone, on the hot path of every answer.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

const DAY = 'yyyy-MM-dd';

/**
 * One formatter per zone: every quiz answer asks for the member's day twice, and building a luxon DateTime and
 * formatting it was a third of an answer's own CPU; the engine's formatter, made once per zone, is a table lookup.
 * Zones come from validated settings (a few hundred IANA names at most), so the map stays small.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new RangeError(`Invalid time zone: ${timeZone}`);
    }
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day an instant falls on for someone living in `timeZone` (an IANA name such as Europe/Berlin). */
export function dayIn(at: Date, timeZone: string): Day {
  const parts = Object.fromEntries(
    dayFormat(timeZone)
      .formatToParts(at)
      .map(({ type, value }) => [type, value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export const addDays = (day: Day, days: number): Day => DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toFormat(DAY);

/** The ISO 8601 week of an instant in UTC, e.g. `2026-W48`: weeks start on Monday and the year is the week's own. */
export const isoWeek = (at: Date): string => DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("kkkk-'W'WW");
