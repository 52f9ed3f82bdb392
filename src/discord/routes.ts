import claim from '../../commands/claim.js';
import help from '../../commands/help.js';
import leaderboard from '../../commands/leaderboard.js';
import progress from '../../commands/progress.js';
import prompts from '../../commands/prompts.js';
import quiz from '../../commands/quiz.js';
import source from '../../commands/source.js';
import summary from '../../commands/summary.js';
import type { Command } from './command.js';

/** Every command the bot offers. The router, /help and the deploy script all read this one list. */
export const commands: readonly Command[] = [help, summary, source, claim, quiz, progress, leaderboard, prompts];
