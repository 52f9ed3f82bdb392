import type { APIApplicationCommandOption, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord.js';
import { type Command, commandJson } from './command.js';

/** One line of /help: how to call a command (or subcommand) and what it does. */
export interface CommandSummary {
  readonly usage: string;
  readonly description: string;
}

const isSubcommand = (option: APIApplicationCommandOption) => option.type === ApplicationCommandOptionType.Subcommand;

function summarize(json: RESTPostAPIChatInputApplicationCommandsJSONBody): CommandSummary[] {
  const subcommands = (json.options ?? []).filter(isSubcommand);
  if (subcommands.length === 0) return [{ usage: `/${json.name}`, description: json.description }];
  return subcommands.map((sub) => ({ usage: `/${json.name} ${sub.name}`, description: sub.description }));
}

export const catalogOf = (commands: readonly Command[]): CommandSummary[] => commands.flatMap((command) => summarize(commandJson(command)));
