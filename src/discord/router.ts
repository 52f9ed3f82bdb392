import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  DiscordjsErrorCodes,
  DiscordjsTypeError,
  type Interaction,
} from 'discord.js';
import { Cooldowns } from '../cooldown.js';
import type { Services } from '../services.js';
import { guarded } from './boundary.js';
import type { Command, ComponentInteraction, ComponentRoute } from './command.js';
import { prefixOf } from './customId.js';
import { UserFacingError } from './errors.js';
import { ephemeral } from './reply.js';

export interface Router {
  readonly commands: readonly Command[];
  dispatch(ctx: Services, interaction: Interaction): Promise<void>;
}

interface OwnedRoute {
  readonly command: Command;
  readonly route: ComponentRoute<unknown>;
}

export const EXPIRED = 'This has expired: the bot or its content changed since it was posted. Run the command again.';
export const GUILD_ONLY = 'Scratchpad works inside a server: use its commands in a server channel.';

/** Options that do not match the command's definition: the member's client still had an older version of it. */
const OUTDATED_OPTIONS = new Set<string>([
  DiscordjsErrorCodes.CommandInteractionOptionNotFound,
  DiscordjsErrorCodes.CommandInteractionOptionType,
  DiscordjsErrorCodes.CommandInteractionOptionEmpty,
  DiscordjsErrorCodes.CommandInteractionOptionNoSubcommand,
  DiscordjsErrorCodes.CommandInteractionOptionNoSubcommandGroup,
]);

function uniqueMap<T>(items: readonly T[], keyOf: (item: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (map.has(key)) throw new Error(`Duplicate ${what} "${key}": two handlers would claim it.`);
    map.set(key, item);
  }
  return map;
}

function assertAllowed(command: Command, interaction: Interaction) {
  if (command.requires === undefined) return;
  if (interaction.memberPermissions?.has(command.requires) !== true) {
    throw new UserFacingError('You need the **Manage Server** permission to use this.');
  }
}

export function createRouter(commands: readonly Command[]): Router {
  const byName = uniqueMap(commands, (command) => command.data.name, 'command name');
  const owned = commands.flatMap((command) =>
    (command.components ?? []).map((route): OwnedRoute => ({ command, route: route as ComponentRoute<unknown> })),
  );
  const byPrefix = uniqueMap(owned, ({ route }) => route.id.prefix, 'custom_id prefix');

  const cooldowns = new Cooldowns();

  function assertCooledDown(ctx: Services, command: Command, interaction: ChatInputCommandInteraction) {
    const sub = typeof command.cooldownSeconds === 'object' ? interaction.options.getSubcommand(false) : null;
    const seconds = typeof command.cooldownSeconds === 'object' ? command.cooldownSeconds[sub ?? ''] : command.cooldownSeconds;
    if (!seconds) return;
    const name = sub ? `${command.data.name} ${sub}` : command.data.name;
    const key = `${interaction.guildId}:${interaction.user.id}:${name}`;
    const wait = cooldowns.take(key, seconds, ctx.clock.now().getTime());
    if (wait > 0) throw new UserFacingError(`Easy there: try \`/${name}\` again in ${wait} s.`);
  }

  async function chatInput(ctx: Services, interaction: ChatInputCommandInteraction) {
    const command = byName.get(interaction.commandName);
    if (!command) return interaction.reply(ephemeral(EXPIRED));
    assertAllowed(command, interaction);
    assertCooledDown(ctx, command, interaction);
    try {
      return await command.execute(ctx, interaction);
    } catch (err) {
      if (err instanceof DiscordjsTypeError && OUTDATED_OPTIONS.has(err.code)) throw new UserFacingError(EXPIRED);
      throw err;
    }
  }

  async function autocomplete(ctx: Services, interaction: AutocompleteInteraction) {
    const command = byName.get(interaction.commandName);
    if (!command?.autocomplete || (command.requires !== undefined && !interaction.memberPermissions?.has(command.requires))) {
      return interaction.respond([]);
    }
    return command.autocomplete(ctx, interaction);
  }

  async function component(ctx: Services, interaction: ComponentInteraction) {
    const found = byPrefix.get(prefixOf(interaction.customId));
    const args = found?.route.id.decode(interaction.customId);
    if (!found || args === undefined) return interaction.reply(ephemeral(EXPIRED));
    assertAllowed(found.command, interaction);
    return found.route.run(ctx, interaction, args);
  }

  async function route(ctx: Services, interaction: Interaction) {
    if (!interaction.inGuild()) {
      if (interaction.isAutocomplete()) return interaction.respond([]);
      return interaction.isRepliable() ? interaction.reply(ephemeral(GUILD_ONLY)) : undefined;
    }
    if (interaction.isChatInputCommand()) return chatInput(ctx, interaction);
    if (interaction.isAutocomplete()) return autocomplete(ctx, interaction);
    if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) return component(ctx, interaction);
    return interaction.isRepliable() ? interaction.reply(ephemeral(EXPIRED)) : undefined;
  }

  return {
    commands,
    dispatch: (ctx, interaction) => guarded(interaction, ctx.log, () => route(ctx, interaction)),
  };
}
