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
/** How many answers the export's history keeps (oldest dropped first): enough for months of regular practice. */
export const HISTORY_KEPT = 300;
/**
 * How many answers the progress record holds for the history before they move to the member's history log (both
 * records in one atomic write, right after the answer that fills the batch): an answer writes no log.
 */
export const HISTORY_BATCH = 50;

const count = z.int().min(0);
const instant = z.iso.datetime();
export const DifficultySchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Difficulty = z.infer<typeof DifficultySchema>;

/** One question in one member's history; kept even when the question leaves the bundle. */
const QuestionHistorySchema1 = z.object({
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

/** Version 2 adds what the learning loop needs: the first try, the last choice and the wrong answers chosen. */
export const QuestionHistorySchema = QuestionHistorySchema1.extend({
  /** Whether the first answer ever given was right; null for history from before version 2 that cannot tell. */
  firstCorrect: z.boolean().nullable(),
  /** The choice of the latest answer; null for history from before version 2 that no longer has it. */
  lastChoice: count.nullable(),
  /** How often each wrong choice (its index as the key) was picked: the group's misconceptions come from these. */
  wrongChoices: z.record(z.string(), z.int().min(1)),
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

export const LoggedAnswerSchema = z.object({ question: z.string(), choice: count, correct: z.boolean(), at: instant });

const ProgressSchema1 = z.object({
  v: z.literal(1),
  answered: count,
  correct: count,
  points: count,
  /** IANA zone the member's days are counted in, for streaks. */
  timeZone: z.string().default('UTC'),
  streak: StreakSchema.nullable(),
  questions: z.record(z.string(), QuestionHistorySchema1),
  /** Points per ISO week (`2026-W48`), for the weekly leaderboard; older weeks are dropped. */
  weeks: z.record(z.string(), TotalsSchema),
  recent: z.array(AnswerSchema).max(RECENT_ANSWERS),
});

const ProgressSchema2 = ProgressSchema1.extend({
  v: z.literal(2),
  questions: z.record(z.string(), QuestionHistorySchema),
  /** The latest answers, oldest first, for the export. */
  history: z.array(LoggedAnswerSchema).max(HISTORY_KEPT),
  /** Totals per ISO week and section (the section the question had when answered), for accuracy over time. */
  sectionWeeks: z.record(z.string(), z.record(z.string(), TotalsSchema)),
});

/**
 * Version 3 keeps the answer history out of the record every answer rewrites: `pending` holds the latest answers
 * until there are HISTORY_BATCH of them, then they move to the member's history log (HistorySchema).
 */
const ProgressSchema3 = ProgressSchema2.omit({ history: true }).extend({
  v: z.literal(3),
  /** The latest answers not yet in the history log, oldest first. */
  pending: z.array(LoggedAnswerSchema).max(HISTORY_KEPT + HISTORY_BATCH),
});

type Progress1 = z.infer<typeof ProgressSchema1>;
type QuestionHistory1 = z.infer<typeof QuestionHistorySchema1>;

/** What a version 1 record still tells about a question: the recent log has its latest answers. */
function upgradeQuestion(id: string, entry: QuestionHistory1, recent: Progress1['recent']) {
  const answers = recent.filter((answer) => answer.question === id);
  const wrongChoices: Record<string, number> = {};
  for (const answer of answers) if (!answer.correct) wrongChoices[answer.choice] = (wrongChoices[answer.choice] ?? 0) + 1;
  const firstCorrect = entry.seen === 1 ? entry.lastCorrect : entry.right === 0 ? false : entry.right === entry.seen ? true : null;
  return { ...entry, firstCorrect, lastChoice: answers.at(-1)?.choice ?? null, wrongChoices };
}

/** Version 1 → 2: history starts from the recent log; per-section weeks start empty (v1 never knew them). */
export function upgradeProgress(old: Progress1): z.infer<typeof ProgressSchema2> {
  return {
    ...old,
    v: 2,
    questions: Object.fromEntries(Object.entries(old.questions).map(([id, entry]) => [id, upgradeQuestion(id, entry, old.recent)])),
    history: old.recent.map(({ question, choice, correct, at }) => ({ question, choice, correct, at })).slice(-HISTORY_KEPT),
    sectionWeeks: {},
  };
}

/** Version 2 → 3: the history becomes the pending answers, moved to the log by the next answer that records. */
function pendingHistory({ history, ...rest }: z.infer<typeof ProgressSchema2>): z.infer<typeof ProgressSchema3> {
  return { ...rest, v: 3, pending: history };
}

/** A member's quiz progress in one guild; an older record is upgraded as it is read and saved as version 3. */
export const ProgressSchema = z.union([
  ProgressSchema3,
  ProgressSchema2.transform(pendingHistory),
  ProgressSchema1.transform((old) => pendingHistory(upgradeProgress(old))),
]);

/** A member's answers in one guild, oldest first, for the export; the latest ones wait in Progress.pending. */
export const HistorySchema = z.object({ v: z.literal(1), answers: z.array(LoggedAnswerSchema).max(HISTORY_KEPT) });

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
export type LoggedAnswer = z.infer<typeof LoggedAnswerSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type Totals = z.infer<typeof TotalsSchema>;
export type Streak = z.infer<typeof StreakSchema>;
export type Progress = z.output<typeof ProgressSchema>;
export type History = z.infer<typeof HistorySchema>;
export type Session = z.infer<typeof SessionSchema>;
export type Members = z.infer<typeof MembersSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Reports = z.infer<typeof ReportsSchema>;
export type Round = z.infer<typeof RoundSchema>;

export const emptyTotals = (): Totals => ({ answered: 0, correct: 0, points: 0 });

export const emptyProgress = (): Progress => ({
  v: 3,
  answered: 0,
  correct: 0,
  points: 0,
  timeZone: 'UTC',
  streak: null,
  questions: {},
  weeks: {},
  recent: [],
  pending: [],
  sectionWeeks: {},
});

/** The key of everything a member owns in a guild. */
export const memberKey = (guild: string, user: string) => `${guild}/${user}`;
