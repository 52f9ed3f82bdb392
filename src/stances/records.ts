import { z } from 'zod';
import { StanceSchema } from '../content/schema.js';

/**
 * Everything stances store, as versioned zod records read and written through `store.repository(namespace, schema)`.
 * Keys start with the guild id: a guild lives on one shard, so one process owns every key it writes and the per-key
 * lock in Repository.update serializes changes to one round.
 */

export const ROUNDS_NAMESPACE = 'stances.rounds';
export const GUILDS_NAMESPACE = 'stances.guilds';
export const SETTINGS_NAMESPACE = 'stances.settings';
export const SUGGESTIONS_NAMESPACE = 'stances.suggestions';
/** Set-if-absent keys `<guild>/<message>`: whoever wins one posts that round's reveal. */
export const REVEAL_CLAIMS_NAMESPACE = 'stances.reveals';

/** Rounds a guild keeps (about two years of weekly posts); an older round is deleted with its stances. */
export const ROUNDS_KEPT = 104;

const instant = z.iso.datetime();
const snowflake = z.string().regex(/^\d{1,24}$/);
const positionId = z.string().min(1).max(64);

export const ChoiceSchema = z.object({
  first: positionId,
  final: positionId,
  firstAt: instant,
  finalAt: instant,
});

/** One weekly post's stance question and every member's private answer to it. */
export const StanceRoundSchema = z.object({
  v: z.literal(1),
  guild: snowflake,
  channelId: snowflake,
  messageId: snowflake,
  threadId: snowflake.optional(),
  promptId: z.string().min(1),
  title: z.string().min(1).max(100),
  /** A copy of the question as it was asked, so a later bundle version cannot change what members answered. */
  stance: StanceSchema,
  /** The section the prompt links, for the reveal. */
  section: z.string().optional(),
  openedAt: instant,
  closesAt: instant,
  members: z.record(snowflake, ChoiceSchema),
  /** revealing: claimed for the reveal, not yet confirmed posted. A round stuck here is never revealed twice. */
  state: z.enum(['open', 'revealing', 'closed']),
  reveal: z.object({ state: z.enum(['posted', 'failed']), at: instant, messageId: snowflake.optional() }).optional(),
});

/** Which rounds a guild has, newest last: what history, trend, reset and the close sweep read. */
export const GuildRoundsSchema = z.object({
  v: z.literal(1),
  rounds: z.array(z.object({ messageId: snowflake, stanceId: z.string(), openedAt: instant, closesAt: instant, open: z.boolean() })),
});

/** A moderator's choices for the guild's weekly prompts. */
export const StanceSettingsSchema = z.object({
  v: z.literal(1),
  enabled: z.boolean(),
  /** Days a round stays open; null closes it at the next scheduled post. */
  days: z.int().min(1).max(14).nullable(),
});

export type Choice = z.infer<typeof ChoiceSchema>;
export type StanceRound = z.infer<typeof StanceRoundSchema>;
export type GuildRounds = z.infer<typeof GuildRoundsSchema>;
export type StanceSettings = z.infer<typeof StanceSettingsSchema>;

export const defaultSettings: StanceSettings = { v: 1, enabled: true, days: null };
export const roundKey = (guild: string, messageId: string) => `${guild}/${messageId}`;
