import { existsSync } from 'node:fs';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { deployCommands } from '../src/discord/deploy.js';

try {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { names, scope } = await deployCommands(loadConfig(), commands);
  console.log(`Registered ${names.length} commands for ${scope}: ${names.map((name) => `/${name}`).join(', ')}`);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `Could not register commands: ${(err as Error).message}`);
  process.exitCode = 1;
}
