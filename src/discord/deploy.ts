import { REST, Routes } from 'discord.js';
import { type Config, ConfigError } from '../config.js';
import { type Command, commandJson } from './command.js';

export interface Deployed {
  readonly names: readonly string[];
  readonly scope: string;
}

/** Registers the slash commands: to one guild when DISCORD_GUILD_ID is set (instant), otherwise globally. */
export async function deployCommands(config: Config, commands: readonly Command[]): Promise<Deployed> {
  const clientId = config.DISCORD_CLIENT_ID;
  if (!clientId) throw new ConfigError('Set DISCORD_CLIENT_ID to your application id (Developer Portal › General Information).');
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const guildId = config.DISCORD_GUILD_ID;
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body: commands.map(commandJson) })) as { name: string }[];
  return {
    names: registered.map((command) => command.name),
    scope: guildId ? `guild ${guildId}` : 'all guilds (global; may take up to an hour to appear)',
  };
}
