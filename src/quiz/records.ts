import { z } from 'zod';

/**
 * Everything the quiz stores. Each record is a zod schema with a version field `v`, read and written through
 * `store.repository(namespace, schema)`. Keys start with the guild id: a guild lives on one shard, so one
 * process owns every key it writes and the per-key lock in Repository.update is enough.
 */

export const MAX_BOX = 5;
/** How many of a member's latest answers are kept verbatim (to recognise a retried answer and for history). */
export const RECENT_ANSWERS = 20;
/** How many ISO weeks of points are kept for the weekly leaderboard. */
export const WEEKS_KEPT = 8;

const count = z.int().min(0);
const instant = z.iso.datetime();
export const DifficultySchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Difficulty = z.infer<typeof DifficultySchema>;

/** One question in one member's history; kept even when the question leaves the bundle. */
export const QuestionHistorySchema = z.object({
  seen: z.int().min(1),
  right: count,
  lastSeen: instant,
  lastCorrect: z.boolean(),
  /** Leitner box: 0 = not under review (never missed, or learned again); 1–5 = under review, 1 = just missed. */
  box: z.int().min(0).max(MAX_BOX),
  /** When the next review is due; null while box is 0. */
  due: instant.nullable(),
  /** Content bundle version of the last answer. */
  version: z.string(),
});

export const AnswerSchema = z.object({
  /** Unique per answering opportunity (a session's n-th question, a round's question), so a retry is not counted twice. */
  id: z.string().min(1),
  question: z.string(),
  choice: count,
  correct: z.boolean(),
  points: count,
  at: instant,
  version: z.string(),
});

export const TotalsSchema = z.object({ answered: count, correct: count, points: count });
export const StreakSchema = z.object({ day: z.iso.date(), length: z.int().min(1), best: z.int().min(1) });

export const ProgressSchema = z.object({
  v: z.literal(1),
  answered: count,
  correct: count,
  points: count,
  /** IANA zone the member's days are counted in, for streaks. */
  timeZone: z.string().default('UTC'),
  streak: StreakSchema.nullable(),
  questions: z.record(z.string(), QuestionHistorySchema),
  /** Points per ISO week (`2026-W48`), for the weekly leaderboard; older weeks are dropped. */
  weeks: z.record(z.string(), TotalsSchema),
  recent: z.array(AnswerSchema).max(RECENT_ANSWERS),
});

/** A member's private quiz in one guild; starting a new one replaces it. */
export const SessionSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  section: z.string().nullable(),
  difficulty: DifficultySchema.nullable(),
  /** Every question shown in this session, in order; the last one is the current question. */
  asked: z.array(z.string()),
  answered: z.boolean(),
  right: count,
  points: count,
  startedAt: instant,
});

/** Who has quiz progress in a guild: the leaderboard reads these members' records. */
export const MembersSchema = z.object({ v: z.literal(1), members: z.array(z.string()) });

export const ReportSchema = z.object({
  id: z.int().min(1),
  question: z.string(),
  user: z.string(),
  reason: z.string().min(1).max(1000),
  at: instant,
  version: z.string(),
  status: z.enum(['open', 'closed']),
});

export const ReportsSchema = z.object({ v: z.literal(1), next: z.int().min(1), reports: z.array(ReportSchema) });

/** A public round in one channel; survives a restart because its deadline is stored. */
export const RoundSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  guild: z.string(),
  channel: z.string(),
  startedBy: z.string(),
  version: z.string(),
  questions: z.array(z.string()).min(1),
  seconds: z.int().min(1),
  /** The current question, 0-based. */
  index: count,
  messageId: z.string().nullable(),
  deadline: instant,
  /** Each member's first answer to the current question. */
  answers: z.record(z.string(), z.object({ choice: count, at: instant })),
  /** Members whose answer to the current question is already in their progress. */
  recorded: z.array(z.string()),
  revealed: z.boolean(),
  /** Totals over the whole round, for the closing summary. */
  tally: z.record(z.string(), TotalsSchema),
});

export type QuestionHistory = z.infer<typeof QuestionHistorySchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type Totals = z.infer<typeof TotalsSchema>;
export type Streak = z.infer<typeof StreakSchema>;
export type Progress = z.infer<typeof ProgressSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type Members = z.infer<typeof MembersSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Reports = z.infer<typeof ReportsSchema>;
export type Round = z.infer<typeof RoundSchema>;

export const emptyTotals = (): Totals => ({ answered: 0, correct: 0, points: 0 });

export const emptyProgress = (): Progress => ({
  v: 1,
  answered: 0,
  correct: 0,
  points: 0,
  timeZone: 'UTC',
  streak: null,
  questions: {},
  weeks: {},
  recent: [],
});

/** The key of everything a member owns in a guild. */
export const memberKey = (guild: string, user: string) => `${guild}/${user}`;
