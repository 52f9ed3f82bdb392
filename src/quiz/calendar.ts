/**
 * Calendar days and weeks as plain strings, so records and tests compare them without time zones sneaking in.
 * The engine's Intl formatter names the day in a zone; days and ISO weeks are plain UTC date arithmetic, since every
 * quiz answer asks for both and a luxon DateTime per call was a tenth of an answer's own CPU.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

const DAY_MS = 86_400_000;

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

/**
 * The last day found per zone and the minute it was found for: in every zone in use today a day begins on a whole
 * minute, so answers within one minute share it and the formatter (a tenth of an answer's own CPU) runs once.
 */
const lastDays = new Map<string, { readonly minute: number; readonly day: Day }>();

/** The calendar day an instant falls on for someone living in `timeZone` (an IANA name such as Europe/Berlin). */
export function dayIn(at: Date, timeZone: string): Day {
  const minute = Math.floor(at.getTime() / 60_000);
  const last = lastDays.get(timeZone);
  if (last?.minute === minute) return last.day;
  const day = formatDay(at, timeZone);
  lastDays.set(timeZone, { minute, day });
  return day;
}

function formatDay(at: Date, timeZone: string): Day {
  let year = '';
  let month = '';
  let day = '';
  for (const { type, value } of dayFormat(timeZone).formatToParts(at)) {
    if (type === 'year') year = value;
    else if (type === 'month') month = value;
    else if (type === 'day') day = value;
  }
  return `${year}-${month}-${day}`;
}

export const addDays = (day: Day, days: number): Day => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The ISO 8601 week of an instant in UTC, e.g. `2026-W48`: weeks start on Monday and belong to the year of their
 * Thursday, so the week is counted from that Thursday's year's first day.
 */
export function isoWeek(at: Date): string {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const thursday = new Date(midnight + (3 - ((at.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
