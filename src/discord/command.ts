import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  type ModalSubmitInteraction,
  type SlashCommandOptionsOnlyBuilder,
  type SlashCommandSubcommandsOnlyBuilder,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Services } from '../services.js';
import type { CustomId } from './customId.js';

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

export interface ComponentRoute<T = unknown> {
  readonly id: CustomId<never, T>;
  run(ctx: Services, interaction: ComponentInteraction, args: T): Promise<unknown>;
}

export interface Command {
  readonly data: SlashCommandOptionsOnlyBuilder | SlashCommandSubcommandsOnlyBuilder;
  /** Permission the member needs; set as the command's default and re-checked on every route at run time. */
  readonly requires?: bigint;
  /**
   * Seconds a member waits between two uses, for commands that cost real work (search, quiz starts): one number
   * for the whole command, or per subcommand (`{ start: 5 }`; subcommands not listed have none).
   */
  readonly cooldownSeconds?: number | Readonly<Record<string, number>>;
  execute(ctx: Services, interaction: ChatInputCommandInteraction): Promise<unknown>;
  autocomplete?(ctx: Services, interaction: AutocompleteInteraction): Promise<unknown>;
  readonly components?: readonly ComponentRoute<never>[];
}

export function defineCommand(command: Command): Command {
  if (command.requires !== undefined) command.data.setDefaultMemberPermissions(command.requires);
  command.data.setContexts(InteractionContextType.Guild);
  return command;
}

/** Pairs a custom_id codec with its handler so the args type flows from the codec into `run`. */
export function on<T>(id: ComponentRoute<T>['id'], run: ComponentRoute<T>['run']): ComponentRoute<never> {
  return { id, run } as unknown as ComponentRoute<never>;
}
