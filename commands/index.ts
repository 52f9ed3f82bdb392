import type { Command } from '../src/discord/command.js';
import claim from './claim.js';
import help from './help.js';
import leaderboard from './leaderboard.js';
import progress from './progress.js';
import prompts from './prompts.js';
import quiz from './quiz.js';
import source from './source.js';
import stance from './stance.js';
import summary from './summary.js';

/**
 * Every command the bot offers. The entry point (src/main.ts) hands this list to the app, whose router and
 * /help read it; the deploy script registers it. Add a new command here.
 */
export const commands: readonly Command[] = [help, summary, source, claim, quiz, progress, leaderboard, prompts, stance];
