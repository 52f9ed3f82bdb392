import { z } from 'zod';
import { RotationSchema } from './rotation.js';
import { TIME_PATTERN } from './slots.js';

/** The store namespace of schedule records, one per guild, keyed by guild id. */
export const SCHEDULES_NAMESPACE = 'prompts.schedules';
/** The store namespace of slot claims: `<guild>/<slot instant>`. */
export const CLAIMS_NAMESPACE = 'prompts.claims';

const instant = z.iso.datetime();
const id = z.string().min(1).max(32);

/** Why a post or thread failed, in domain terms; the Discord adapter maps its error codes onto these. */
export const failureKinds = ['missing-permissions', 'unknown-channel', 'no-prompts', 'other'] as const;
export type FailureKind = (typeof failureKinds)[number];

export const PostRecordSchema = z.object({
  /** The slot instant this post was for; absent for /prompts post-now. */
  slot: instant.optional(),
  promptId: z.string(),
  channelId: id,
  /** posting: claimed, not yet confirmed sent. A post stuck here means the bot stopped mid-send; it is never retried. */
  state: z.enum(['posting', 'posted', 'failed']),
  at: instant,
  messageId: id.optional(),
  threadId: id.optional(),
});

export const FailureRecordSchema = z.object({
  at: instant,
  /** What failed: the post itself, or the thread after a successful post. */
  stage: z.enum(['post', 'thread']),
  kind: z.enum(failureKinds),
  code: z.int().optional(),
  message: z.string().max(500),
  slot: instant.optional(),
});

export const PromptScheduleSchema = z.object({
  v: z.literal(1),
  channelId: id,
  weekday: z.int().min(1).max(7),
  time: z.string().regex(TIME_PATTERN),
  timezone: z.string().min(1),
  thread: z.boolean(),
  state: z.enum(['active', 'paused', 'off']),
  /** Set when the scheduler paused itself; shown in status. */
  pausedReason: z.string().max(500).optional(),
  /** Slots at or before this instant are never posted (set by setup and resume). */
  activeSince: instant,
  /** The latest slot handled: claimed for posting, or noted as missed. */
  lastSlot: instant.optional(),
  rotation: RotationSchema,
  lastPost: PostRecordSchema.optional(),
  lastError: FailureRecordSchema.optional(),
  /** Scheduled posts that failed in a row; the third pauses the schedule. */
  failures: z.int().min(0),
  /** Slots skipped because the bot was offline past the grace window. */
  missed: z.object({ count: z.int().positive(), latest: instant }).optional(),
});

export type PromptSchedule = z.infer<typeof PromptScheduleSchema>;
export type PostRecord = z.infer<typeof PostRecordSchema>;
export type FailureRecord = z.infer<typeof FailureRecordSchema>;

/** The latest instant whose slot needs no more work: slots at or before it are posted, missed or predate the schedule. */
export function handledUntil(record: PromptSchedule): Date {
  const since = Date.parse(record.activeSince);
  const last = record.lastSlot === undefined ? since : Date.parse(record.lastSlot);
  return new Date(Math.max(since, last));
}
