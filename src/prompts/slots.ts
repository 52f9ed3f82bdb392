import { DateTime, type WeekdayNumbers } from 'luxon';

/**
 * Weekly slot math. Every calculation is luxon's zone-aware calendar arithmetic: "17:00 on Monday in
 * Europe/Berlin" is resolved in that zone for that week, so a slot keeps its wall-clock time across DST changes.
 * A wall-clock time that does not exist that night (a spring-forward gap) moves forward by the gap, and one that
 * exists twice (fall-back) resolves to the later instant; both only happen on Sunday nights in most zones.
 */
export interface WeeklySchedule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** 24-hour wall-clock time, HH:mm. */
  readonly time: string;
  /** IANA zone name, e.g. Europe/Berlin. */
  readonly timezone: string;
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

function clockParts(time: string) {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return { hour, minute };
}

function slotIn(week: DateTime, { weekday, time }: WeeklySchedule): DateTime {
  // luxon resolves a wall-clock time that exists twice with the offset of the DateTime it starts from, so the
  // same slot would be the earlier instant seen from before the change and the later one seen from after it.
  // Starting from the end of that local day (after any change on it) always gives the later instant.
  return week
    .set({ weekday: weekday as WeekdayNumbers })
    .endOf('day')
    .set({ ...clockParts(time), second: 0, millisecond: 0 });
}

const local = (instant: Date, schedule: WeeklySchedule) => DateTime.fromJSDate(instant, { zone: schedule.timezone });

/** The latest slot instant at or before `now`. */
export function previousSlot(schedule: WeeklySchedule, now: Date): Date {
  const here = local(now, schedule);
  const slot = slotIn(here, schedule);
  return (slot <= here ? slot : slotIn(here.minus({ weeks: 1 }), schedule)).toJSDate();
}

/** The first slot instant strictly after `after`. */
export function nextSlot(schedule: WeeklySchedule, after: Date): Date {
  const here = local(after, schedule);
  const slot = slotIn(here, schedule);
  return (slot > here ? slot : slotIn(here.plus({ weeks: 1 }), schedule)).toJSDate();
}

/** How many slots fall in (after, until]. Counted slot by slot, so DST weeks need no special case. */
export function slotsBetween(schedule: WeeklySchedule, after: Date, until: Date, max = 10_000): number {
  let count = 0;
  for (let slot = nextSlot(schedule, after); slot <= until && count < max; slot = nextSlot(schedule, slot)) count++;
  return count;
}

export const describeSchedule = ({ weekday, time, timezone }: WeeklySchedule) =>
  `${WEEKDAYS[weekday - 1] ?? '?'}s at ${time} (${timezone})`;

/** "17:00", "9:30", "5pm", "5:30 pm", "17h" → "HH:mm"; anything else → undefined. */
export function parseClockTime(input: string): string | undefined {
  const match = /^(\d{1,2})(?:[:.h](\d{2})?)?\s*(am|pm)?$/i.exec(input.trim());
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const half = match[3]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
