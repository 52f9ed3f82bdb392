import { z } from 'zod';
import { FAILURE_TEXT, type PostError } from './poster.js';
import { consume, type Rotation, RotationSchema } from './rotation.js';
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

/*
 * The scheduler's changes to a schedule record, as pure functions: each takes the stored record and returns the
 * next one, so Repository.update can apply them and tests can check them without a store or a clock.
 */

/** Scheduled posts that may fail in a row before the schedule pauses itself. */
export const FAILURES_BEFORE_PAUSE = 3;

/** Slots skipped while the bot was offline past the grace window, up to `latest`. */
export function withMissed(record: PromptSchedule, latest: Date, count: number): PromptSchedule {
  if (handledUntil(record) >= latest) return record;
  return {
    ...record,
    lastSlot: latest.toISOString(),
    missed: { count: (record.missed?.count ?? 0) + count, latest: latest.toISOString() },
  };
}

/** A post under way: the slot (if any) is taken and the prompt recorded as "posting" until it is confirmed. */
export function withPostStarted(
  record: PromptSchedule,
  post: { readonly rotation: Rotation; readonly promptId: string | undefined; readonly slot: Date | undefined; readonly at: string },
): PromptSchedule {
  const { rotation, promptId, slot, at } = post;
  const lastPost =
    promptId === undefined
      ? record.lastPost
      : { slot: slot?.toISOString(), promptId, channelId: record.channelId, state: 'posting' as const, at };
  return { ...record, rotation, lastPost, lastSlot: slot?.toISOString() ?? record.lastSlot };
}

/** The post went out: it is confirmed, the failure streak ends, and a bundle prompt leaves the rotation's round. */
export function withPosted(record: PromptSchedule, messageId: string, fromRotation: string | undefined): PromptSchedule {
  const lastPost = record.lastPost && { ...record.lastPost, state: 'posted' as const, messageId };
  return {
    ...record,
    rotation: fromRotation === undefined ? record.rotation : consume(record.rotation, fromRotation),
    failures: 0,
    lastPost,
  };
}

export const withThread = (record: PromptSchedule, threadId: string): PromptSchedule => ({
  ...record,
  lastPost: record.lastPost && { ...record.lastPost, threadId },
});

export const withError = (record: PromptSchedule, failure: FailureRecord): PromptSchedule => ({ ...record, lastError: failure });

/**
 * A failed post. A scheduled one (with a slot) counts towards pausing: the third in a row pauses an active
 * schedule, with the reason shown in status.
 */
export function withFailedPost(record: PromptSchedule, failure: FailureRecord): PromptSchedule {
  const failures = failure.slot === undefined ? record.failures : record.failures + 1;
  const pauses = failure.slot !== undefined && failures >= FAILURES_BEFORE_PAUSE && record.state === 'active';
  const lastPost = record.lastPost?.state === 'posting' ? { ...record.lastPost, state: 'failed' as const } : record.lastPost;
  return {
    ...record,
    failures,
    lastPost,
    lastError: failure,
    ...(pauses
      ? { state: 'paused' as const, pausedReason: `Paused after ${failures} failed posts in a row: ${FAILURE_TEXT[failure.kind]}.` }
      : {}),
  };
}

/** What a failure looks like in the record: when, at which stage, of what kind, for which slot. */
export function failureRecord(error: PostError, stage: FailureRecord['stage'], slot: Date | undefined, at: Date): FailureRecord {
  return {
    at: at.toISOString(),
    stage,
    kind: error.kind,
    message: error.message.slice(0, 500),
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(slot === undefined ? {} : { slot: slot.toISOString() }),
  };
}
