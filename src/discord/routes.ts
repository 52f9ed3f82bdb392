import help from '../../commands/help.js';
import type { Command } from './command.js';

/** Every command the bot offers. The router, /help and the deploy script all read this one list. */
export const commands: readonly Command[] = [help];
