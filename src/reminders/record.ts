import { z } from 'zod';
import { TIME_PATTERN } from '../prompts/slots.js';

export const SETTINGS_NAMESPACE = 'reminders.settings';
export const CLAIMS_NAMESPACE = 'reminders.sent';
export const THRESHOLD = { min: 1, max: 50, default: 3 } as const;

const clockTime = z.string().regex(TIME_PATTERN, 'must be a 24-hour time, HH:mm');
const instant = z.iso.datetime();

/** A member's review reminder in one guild (key guild/user). The time zone is the one their /progress keeps. */
export const ReminderSettingsSchema = z.object({
  v: z.literal(1),
  enabled: z.boolean(),
  /** Remind only when at least this many reviews are due. */
  threshold: z.int().min(THRESHOLD.min).max(THRESHOLD.max),
  /** Wall-clock time of day in the member's zone. */
  time: clockTime,
  /** No reminder between these wall-clock times (may wrap midnight, e.g. 22:00–07:00). */
  quiet: z.object({ from: clockTime, to: clockTime }).nullable(),
  /** Discord refused the DM (50007): the reminder was turned off for that reason. */
  dmsClosed: z.boolean(),
  /** The member has not yet been told that their DMs are closed; said once, in their next private reply. */
  noticePending: z.boolean(),
  /** The member's local day of the last reminder sent: at most one a day. */
  lastSentDay: z.iso.date().nullable(),
  /** The last reminder slot handled (sent, skipped for too few reviews, or missed): nothing before it is due again. */
  lastSlot: instant.nullable(),
  /** When the settings last changed; the first slot is the first one after it. */
  updatedAt: instant,
});

export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;
