import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiscordjsError, DiscordjsErrorCodes } from 'discord.js';
import { commands } from '../commands/index.js';
import { type App, type AppOptions, startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { ContentError } from './content/loader.js';

/**
 * The entry used by `npm start` and by the end-to-end tests: environment in, running bot out. The composition
 * root: the only module under src/ that imports commands/, to hand their list to the app.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, options: AppOptions = {}): Promise<App> {
  return startApp(loadConfig(env), commands, options);
}

function startupMessage(err: unknown): string | undefined {
  if (err instanceof ConfigError || err instanceof ContentError) return err.message;
  if (err instanceof DiscordjsError && err.code === DiscordjsErrorCodes.TokenInvalid) {
    return 'Discord rejected DISCORD_TOKEN. Copy the token again from the Developer Portal (Bot › Reset Token) into .env.';
  }
  return undefined;
}

async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let app: App;
  try {
    app = await run();
  } catch (err) {
    console.error(startupMessage(err) ?? `Scratchpad could not start: ${(err as Error).message}`);
    process.exit(1);
  }
  const { log } = app.services;
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception'));
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.stop().catch((err: unknown) => log.error({ err }, 'shutdown failed'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
