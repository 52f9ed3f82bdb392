import { existsSync } from 'node:fs';
import { REST, Routes } from 'discord.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { commands } from '../src/discord/routes.js';

/** Registers the slash commands: to one guild when DISCORD_GUILD_ID is set (instant), otherwise globally. */
async function deploy() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const clientId = config.DISCORD_CLIENT_ID;
  if (!clientId) throw new ConfigError('Set DISCORD_CLIENT_ID to your application id (Developer Portal › General Information).');
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const body = commands.map((command) => command.data.toJSON());
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(clientId, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  const where = config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'all guilds (global; may take up to an hour to appear)';
  console.log(`Registered ${registered.length} commands for ${where}: ${registered.map((command) => `/${command.name}`).join(', ')}`);
}

try {
  await deploy();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `Could not register commands: ${(err as Error).message}`);
  process.exitCode = 1;
}
