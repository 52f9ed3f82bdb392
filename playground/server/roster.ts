import type { GuildFixture } from '../../testkit/index.js';
import type { RosterMember } from './protocol.js';

/**
 * The playground's server. Its ids are fixed, so the SQLite store of the last run (progress, leaderboard,
 * weekly prompt schedule) still belongs to the same guild, channels and members after a restart.
 */
const GUILD_ID = '1279727448883200001';
const CHANNELS = {
  general: '1279727448883200002',
  quizNight: '1279727448883200003',
  weeklyPrompts: '1279727448883200004',
} as const;

/** Who the page can act as: three members, and one moderator (the Moderator role has Manage Server). */
export const roster: readonly RosterMember[] = [
  { id: '1279727448883200005', username: 'ada', moderator: false },
  { id: '1279727448883200006', username: 'ben', moderator: false },
  { id: '1279727448883200007', username: 'cleo', moderator: false },
  { id: '1279727448883200008', username: 'maya', moderator: true },
];

export const playgroundGuild: GuildFixture = {
  id: GUILD_ID,
  name: 'Alignment Reading Group',
  channels: [
    { id: CHANNELS.general, name: 'general', topic: 'Say hello, then type / to see what Scratchpad can do' },
    { id: CHANNELS.quizNight, name: 'quiz-night', topic: 'Channel quiz rounds: /quiz channel' },
    { id: CHANNELS.weeklyPrompts, name: 'weekly-prompts', topic: 'One discussion prompt a week, each with its thread' },
  ],
  members: roster.map((m) => ({ id: m.id, username: m.username, ...(m.moderator ? { roles: ['Moderator'] } : {}) })),
};
