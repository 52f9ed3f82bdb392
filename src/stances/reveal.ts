import type { Position } from '../content/schema.js';
import { isoWeek } from '../quiz/calendar.js';
import type { StanceRound } from './records.js';

/** Below this many stances a distribution could point at individuals, so only the count is shown. */
export const MIN_TO_REVEAL = 3;

export interface Share {
  readonly position: Position;
  readonly count: number;
}

export interface Move {
  readonly from: Position;
  readonly to: Position;
  readonly count: number;
}

export type Reveal =
  | { readonly kind: 'count'; readonly total: number }
  | {
      readonly kind: 'distribution';
      readonly total: number;
      readonly first: readonly Share[];
      readonly final: readonly Share[];
      /** Members whose final stance differs from their first. */
      readonly changed: number;
      /** Who moved where, most common first. */
      readonly moves: readonly Move[];
    };

const shares = (round: StanceRound, pick: 'first' | 'final'): Share[] => {
  const choices = Object.values(round.members);
  return round.stance.positions.map((position) => ({ position, count: choices.filter((choice) => choice[pick] === position.id).length }));
};

function movesOf(round: StanceRound): Move[] {
  const positions = new Map(round.stance.positions.map((position) => [position.id, position]));
  const counts = new Map<string, Move>();
  for (const { first, final } of Object.values(round.members)) {
    const from = positions.get(first);
    const to = positions.get(final);
    if (first === final || !from || !to) continue;
    const key = `${first}>${final}`;
    counts.set(key, { from, to, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

/** What the thread is told when the round closes; never who chose what. */
export function revealOf(round: StanceRound): Reveal {
  const total = Object.keys(round.members).length;
  if (total < MIN_TO_REVEAL) return { kind: 'count', total };
  const moves = movesOf(round);
  return {
    kind: 'distribution',
    total,
    first: shares(round, 'first'),
    final: shares(round, 'final'),
    changed: moves.reduce((sum, move) => sum + move.count, 0),
    moves,
  };
}

/** One member's answer to one week's question. */
export interface HistoryEntry {
  readonly week: string;
  readonly title: string;
  readonly question: string;
  readonly first: Position | undefined;
  readonly final: Position | undefined;
  readonly open: boolean;
  readonly closesAt: Date;
}

export function historyOf(rounds: readonly StanceRound[], user: string): HistoryEntry[] {
  return rounds.flatMap((round) => {
    const choice = round.members[user];
    if (!choice) return [];
    const position = (id: string) => round.stance.positions.find((candidate) => candidate.id === id);
    return [
      {
        week: isoWeek(new Date(round.openedAt)),
        title: round.title,
        question: round.stance.question,
        first: position(choice.first),
        final: position(choice.final),
        open: round.state === 'open',
        closesAt: new Date(round.closesAt),
      },
    ];
  });
}

/** The group's final stances on one question, one point per closed round; counts are withheld below the minimum. */
export interface TrendPoint {
  readonly week: string;
  readonly title: string;
  readonly total: number;
  readonly shares: readonly Share[] | undefined;
}

export interface Trend {
  readonly stanceId: string;
  readonly question: string;
  readonly positions: readonly Position[];
  readonly points: readonly TrendPoint[];
}

/** Rounds asking question `stanceId`, oldest first; the positions are the latest round's. */
export function trendOf(rounds: readonly StanceRound[], stanceId: string): Trend | undefined {
  const asked = rounds.filter((round) => round.stance.id === stanceId && round.state !== 'open');
  const latest = asked.at(-1);
  if (!latest) return undefined;
  return {
    stanceId,
    question: latest.stance.question,
    positions: latest.stance.positions,
    points: asked.map((round) => {
      const reveal = revealOf(round);
      return {
        week: isoWeek(new Date(round.openedAt)),
        title: round.title,
        total: reveal.total,
        shares: reveal.kind === 'distribution' ? reveal.final : undefined,
      };
    }),
  };
}
