import type { Board } from '../../quiz/leaderboard.js';
import { noMentions } from '../reply.js';
import { BRAND_COLOUR, type MessageView } from './parts.js';

const line = (s: { rank: number; user: string; points: number; correct: number }) =>
  `**${s.rank}.** <@${s.user}> · ${s.points} points (${s.correct} right)`;

export function leaderboardView(board: Board, caller: string): MessageView {
  const when = board.period === 'week' ? `this week (${board.week}, since Monday 00:00 UTC)` : 'all time';
  const top = board.top.length === 0 ? 'No points yet. Start with `/quiz start` or `/quiz channel`.' : board.top.map(line).join('\n');
  const mine = board.me
    ? `<@${caller}> is **#${board.me.rank}** of ${board.ranked} with ${board.me.points} points.`
    : `<@${caller}> has no points ${board.period === 'week' ? 'this week' : 'yet'}.`;
  return {
    embeds: [{ title: `Leaderboard · ${when}`, color: BRAND_COLOUR, description: `${top}\n\n${mine}` }],
    components: [],
    allowedMentions: noMentions,
  };
}
