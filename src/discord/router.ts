import type { AutocompleteInteraction, ButtonInteraction, Interaction } from 'discord.js';
import { Cooldowns } from '../cooldown.js';
import type { Services } from '../services.js';
import { guarded } from './boundary.js';
import type { Command, ComponentInteraction, ComponentRoute, InGuild, SlashInteraction } from './command.js';
import { prefixOf } from './customId.js';
import { Expired, missingPermission, Refusal } from './errors.js';
import { tellClosedDms } from './reminderNotice.js';
import { ephemeral } from './reply.js';

export interface Router {
  readonly commands: readonly Command[];
  dispatch(ctx: Services, interaction: Interaction): Promise<void>;
}

interface OwnedRoute {
  readonly command: Command;
  readonly route: ComponentRoute;
}

export const GUILD_ONLY = 'Scratchpad works inside a server: use its commands in a server channel.';

function uniqueMap<T>(items: readonly T[], keyOf: (item: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (map.has(key)) throw new Error(`Duplicate ${what} "${key}": two handlers would claim it.`);
    map.set(key, item);
  }
  return map;
}

const allows = (required: bigint | undefined, interaction: Interaction) =>
  required === undefined || interaction.memberPermissions?.has(required) === true;

/** The command's own permission, then the route's: a button is not gated by Discord's command permissions. */
function assertAllowed(interaction: Interaction, ...required: (bigint | undefined)[]) {
  const missing = required.find((permission) => !allows(permission, interaction));
  if (missing !== undefined) throw missingPermission(missing);
}

export function createRouter(commands: readonly Command[]): Router {
  const byName = uniqueMap(commands, (command) => command.data.name, 'command name');
  const owned = commands.flatMap((command) => command.components.map((route): OwnedRoute => ({ command, route })));
  const byPrefix = uniqueMap(owned, ({ route }) => route.id.prefix, 'custom_id prefix');

  const cooldowns = new Cooldowns();

  function assertCooledDown(ctx: Services, usage: string, seconds: number | undefined, interaction: SlashInteraction) {
    if (!seconds) return;
    const key = `${interaction.guildId}:${interaction.user.id}:${usage.slice(1)}`;
    const wait = cooldowns.take(key, seconds, ctx.clock.now().getTime());
    if (wait > 0) throw new Refusal(`Easy there: try \`${usage}\` again in ${wait} s.`);
  }

  async function chatInput(ctx: Services, interaction: SlashInteraction) {
    const command = byName.get(interaction.commandName);
    const route = command?.routes.get(interaction.options.getSubcommand(false) ?? '');
    if (!command || !route) throw new Expired(`no route for /${interaction.commandName}`);
    assertAllowed(interaction, command.requires, route.requires);
    assertCooledDown(ctx, route.usage, route.cooldown, interaction);
    return route.run(ctx, interaction);
  }

  async function autocomplete(ctx: Services, interaction: AutocompleteInteraction<InGuild>) {
    const command = byName.get(interaction.commandName);
    if (!command?.autocomplete || !allows(command.requires, interaction)) return interaction.respond([]);
    return command.autocomplete(ctx, interaction);
  }

  async function component(ctx: Services, interaction: ComponentInteraction) {
    const found = byPrefix.get(prefixOf(interaction.customId));
    if (!found) throw new Expired(`no route for ${interaction.customId}`);
    const run = found.route.bind(interaction);
    assertAllowed(interaction, found.command.requires, found.route.requires);
    return run(ctx);
  }

  /** A button in a DM with the bot, on a route that allows it (the guild is in its custom_id). */
  async function dmComponent(ctx: Services, interaction: ButtonInteraction) {
    const found = byPrefix.get(prefixOf(interaction.customId));
    if (!found?.route.dm) return interaction.reply(ephemeral(GUILD_ONLY));
    return found.route.bind(interaction as ComponentInteraction)(ctx);
  }

  async function route(ctx: Services, interaction: Interaction) {
    if (!interaction.inGuild()) {
      if (interaction.isButton()) return dmComponent(ctx, interaction);
      if (interaction.isAutocomplete()) return interaction.respond([]);
      return interaction.isRepliable() ? interaction.reply(ephemeral(GUILD_ONLY)) : undefined;
    }
    if (interaction.isChatInputCommand()) return chatInput(ctx, interaction);
    if (interaction.isAutocomplete()) return autocomplete(ctx, interaction);
    if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) return component(ctx, interaction);
    if (interaction.isRepliable()) throw new Expired(`unrouted interaction type ${interaction.type}`);
  }

  return {
    commands,
    dispatch: (ctx, interaction) =>
      guarded(interaction, ctx.log, async () => {
        await route(ctx, interaction);
        await tellClosedDms(ctx, interaction);
      }),
  };
}
