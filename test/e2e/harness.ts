import { commands } from '../../commands/index.js';
import type { App } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import type { Logger } from '../../src/log.js';
import { run } from '../../src/main.js';
import { type StandIn, type StandInOptions, startStandIn } from '../../testkit/index.js';
import { uniquePrefix } from '../store/backends.js';

export interface BotUnderTest {
  readonly standIn: StandIn;
  /** The running bot; replaced by restart(). */
  readonly app: App;
  /** The environment the bot was started with, as `npm start` would read it. */
  readonly env: NodeJS.ProcessEnv;
  /** Stops the bot (as SIGTERM would) and starts it again on the same store. */
  restart(): Promise<App>;
  /** Stops the bot and the stand-in; fails the test if the stand-in rejected anything the bot sent. */
  close(): Promise<void>;
}

export interface BotOptions extends StandInOptions {
  /** STORE_URL for the bot (default memory://; a store prefix keeps runs apart on the shared Redis). */
  readonly storeUrl?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The bot's logger (default: the one src/main.ts builds from LOG_LEVEL), e.g. to capture its lines. */
  readonly log?: Logger;
}

/**
 * The environment `npm start` (or `npm run start:sharded`) reads to run against this stand-in, after registering the
 * commands there the way `npm run deploy-commands` does. `overrides` adds or replaces variables.
 */
export async function botEnv(standIn: StandIn, overrides: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    DISCORD_TOKEN: standIn.token,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
    STORE_URL: 'memory://',
    CONTENT_DIR: 'content',
    LOG_LEVEL: 'silent',
    ...overrides,
  };
  await deployCommands(loadConfig(env), commands);
  return env;
}

/**
 * The environment of a bot started as a child process (`npm start`, `npm run start:sharded`): the PATH and HOME a
 * process needs, its store, and info logs, which the tests wait on.
 */
export const childBotEnv = (
  standIn: StandIn,
  store: { readonly url: string; readonly prefix: string },
  overrides: NodeJS.ProcessEnv = {},
) =>
  botEnv(standIn, {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    STORE_URL: store.url,
    STORE_PREFIX: store.prefix,
    LOG_LEVEL: 'info',
    ...overrides,
  });

/**
 * Boots the real bot through src/main.ts `run(env)`, the code path of `npm start`, against a fresh Discord
 * stand-in on 127.0.0.1, with its commands registered the way `npm run deploy-commands` registers them.
 * The bot reads time from the stand-in's clock, so a test moves both at once.
 */
export async function startBot(options: BotOptions = {}): Promise<BotUnderTest> {
  const standIn = await startStandIn({ requireRegisteredCommands: true, ...options });
  const env = await botEnv(standIn, { STORE_URL: options.storeUrl ?? 'memory://', ...options.env });
  const clock: Clock = { now: () => new Date(standIn.clock.now()) };
  const storePrefix = uniquePrefix();
  const start = () => run(env, { clock, storePrefix, ...(options.log ? { log: options.log } : {}) });
  let app = await start();
  return {
    standIn,
    env,
    get app() {
      return app;
    },
    async restart() {
      await app.stop();
      app = await start();
      return app;
    },
    async close() {
      await app.stop();
      await standIn.close();
    },
  };
}
