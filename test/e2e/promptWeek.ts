import type { BotUnderTest } from './harness.js';

/** The week the prompt and stance e2e tests live in: set up on a Thursday, posts on two Mondays across a DST change. */
export const SETUP_AT = Date.parse('2025-03-20T12:00:00Z'); // a Thursday
export const SLOT = Date.parse('2025-03-24T16:00:00Z'); // Monday 17:00 in Berlin (CET)
export const NEXT_SLOT = Date.parse('2025-03-31T15:00:00Z'); // Monday 17:00 in Berlin (CEST)

/** A /prompts subcommand, by the moderator unless another member is named. */
export function promptsCommand(
  bot: BotUnderTest | undefined,
  subcommand: string,
  options: Record<string, string | number | boolean> = {},
  member = 'moderator',
) {
  if (!bot) throw new Error('no bot');
  return bot.standIn.slash('prompts', options, { member, subcommand });
}
