import type { Content } from '../content/content.js';
import type { Claim, Question } from '../content/schema.js';
import { isoWeek } from './calendar.js';
import { summarize } from './progress.js';
import { emptyTotals, type Progress, type Report, WEEKS_KEPT } from './records.js';

export const MOST_MISSED_SHOWN = 5;
/** A wrong answer is a misconception worth discussing when it takes this share of the wrong answers… */
export const MISCONCEPTION_SHARE = 0.5;
/** …and was picked at least this often. */
export const MISCONCEPTION_MIN = 2;
const WEEK_MS = 7 * 86_400_000;

export interface MissedQuestion {
  readonly question: Question;
  readonly seen: number;
  readonly missed: number;
  /** The wrong choice picked most often across the group, how often, and whether it is a misconception. */
  readonly wrong: { readonly choice: number; readonly count: number; readonly misconception: boolean } | null;
  /** The claim card that addresses the misconception, when the bundle has one. */
  readonly claim: Claim | null;
}

export interface SectionMasteryOfGroup {
  readonly section: string;
  /** Average mastery (0–1) over the members who answered something in the section. */
  readonly mastery: number;
  readonly members: number;
}

export interface WeekParticipation {
  readonly week: string;
  readonly members: number;
  readonly answers: number;
}

export interface GroupStats {
  readonly members: number;
  readonly mostMissed: readonly MissedQuestion[];
  readonly sections: readonly SectionMasteryOfGroup[];
  /** Oldest week first, the last WEEKS_KEPT ISO weeks including the current one. */
  readonly weeks: readonly WeekParticipation[];
  readonly openReports: readonly Report[];
}

/** The claim card a wrong answer runs into: /claim's decision on the question with that answer, else none. */
export type ClaimFinder = (question: Question, wrongChoice: string) => Claim | null;

export function claimFinder(content: Content): ClaimFinder {
  return (question, wrongChoice) => {
    const decision = content.findClaim(`${question.question} ${wrongChoice}`);
    if (decision.outcome.kind === 'verdict') return decision.outcome.claim;
    return decision.alternatives.map((scored) => scored.item).find((claim) => claim.sections.includes(question.section)) ?? null;
  };
}

function tally(progress: readonly Progress[], question: Question) {
  let seen = 0;
  let right = 0;
  const wrong = new Map<number, number>();
  for (const p of progress) {
    const entry = p.questions[question.id];
    if (!entry) continue;
    seen += entry.seen;
    right += entry.right;
    for (const [choice, count] of Object.entries(entry.wrongChoices)) wrong.set(Number(choice), (wrong.get(Number(choice)) ?? 0) + count);
  }
  return { seen, missed: seen - right, wrong };
}

function mostMissed(progress: readonly Progress[], questions: readonly Question[], findClaim: ClaimFinder): MissedQuestion[] {
  return questions
    .map((question) => ({ question, ...tally(progress, question) }))
    .filter(({ missed }) => missed > 0)
    .sort((a, b) => b.missed - a.missed || b.missed / b.seen - a.missed / a.seen || a.question.id.localeCompare(b.question.id))
    .slice(0, MOST_MISSED_SHOWN)
    .map(({ question, seen, missed, wrong }) => {
      const chosen = [...wrong.values()].reduce((sum, count) => sum + count, 0);
      const top = [...wrong.entries()].sort(([a, x], [b, y]) => y - x || a - b)[0];
      const misconception = top !== undefined && top[1] >= MISCONCEPTION_MIN && top[1] / chosen >= MISCONCEPTION_SHARE;
      const claim = misconception && top ? findClaim(question, question.choices[top[0]] ?? '') : null;
      return { question, seen, missed, wrong: top ? { choice: top[0], count: top[1], misconception } : null, claim };
    });
}

function sectionMastery(progress: readonly Progress[], content: Content, now: Date): SectionMasteryOfGroup[] {
  const sections = content.bundle.sections.map((section) => section.id);
  const perMember = progress.map((p) => summarize(p, sections, content.bundle.questions, now).mastery);
  return sections.map((section, index) => {
    const active = perMember.map((mastery) => mastery[index]).filter((m) => m !== undefined && m.seen > 0);
    const sum = active.reduce((total, m) => total + (m?.mastery ?? 0), 0);
    return { section, members: active.length, mastery: active.length === 0 ? 0 : sum / active.length };
  });
}

function participation(progress: readonly Progress[], now: Date): WeekParticipation[] {
  const weeks = Array.from({ length: WEEKS_KEPT }, (_, back) => isoWeek(new Date(now.getTime() - back * WEEK_MS))).reverse();
  return weeks.map((week) => {
    const totals = progress.map((p) => p.weeks[week] ?? emptyTotals());
    return { week, members: totals.filter((t) => t.answered > 0).length, answers: totals.reduce((sum, t) => sum + t.answered, 0) };
  });
}

/** What moderators learn from the group's quiz records; pure, so tests feed it records directly. */
export function groupStats(
  content: Content,
  progress: readonly Progress[],
  openReports: readonly Report[],
  now: Date,
  findClaim: ClaimFinder = claimFinder(content),
): GroupStats {
  const active = progress.filter((p) => p.answered > 0);
  return {
    members: active.length,
    mostMissed: mostMissed(active, content.bundle.questions, findClaim),
    sections: sectionMastery(active, content, now),
    weeks: participation(active, now),
    openReports,
  };
}
