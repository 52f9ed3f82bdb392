import type { AddressInfo } from 'node:net';
import { commands } from '../../commands/index.js';
import type { App } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createLogger, type Logger } from '../../src/log.js';
import { run } from '../../src/main.js';
import { describeCall, type StandIn, startStandIn } from '../../testkit/index.js';
import { PlaygroundActions } from './actions.js';
import { ClockControl } from './clockControl.js';
import { createPlaygroundServer } from './httpServer.js';
import { LiveFeed } from './liveFeed.js';
import { playgroundGuild, roster } from './roster.js';
import { buildWebBundle } from './webBundle.js';

export const DEFAULT_PORT = 5170;
export const DEFAULT_STORE_URL = 'sqlite://data/playground.sqlite';
const HOST = '127.0.0.1';
/** Keeps the playground's records apart from a real bot's when STORE_URL points at a shared Redis. */
const STORE_PREFIX = 'playground';

export interface PlaygroundOptions {
  /** Default DEFAULT_PORT; 0 picks a free one. */
  readonly port?: number;
  /** STORE_URL, CONTENT_DIR and LOG_LEVEL are read from here (default process.env); never a token. */
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: Logger;
}

export interface Playground {
  readonly url: string;
  readonly standIn: StandIn;
  readonly app: App;
  /** Stops the page server, the bot and the stand-in, in that order. */
  close(): Promise<void>;
}

/**
 * `npm run playground`: the Discord stand-in, the real bot started through src/main.ts `run(env)` (the code
 * path of `npm start`) with its commands registered as `npm run deploy-commands` does, and the page that
 * drives them, all on 127.0.0.1. The bot reads the stand-in's clock, so the page's clock control moves both.
 */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const source = options.env ?? process.env;
  const [standIn, bundle] = await Promise.all([
    startStandIn({
      guilds: [playgroundGuild],
      botName: 'Scratchpad',
      requireRegisteredCommands: true,
      strict: false,
    }),
    buildWebBundle(),
  ]);
  const env: NodeJS.ProcessEnv = {
    DISCORD_TOKEN: standIn.token,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
    STORE_URL: source.STORE_URL || DEFAULT_STORE_URL,
    CONTENT_DIR: source.CONTENT_DIR || 'content',
    LOG_LEVEL: source.LOG_LEVEL || 'warn',
  };
  const log = options.log ?? createLogger(env.LOG_LEVEL ?? 'warn', [standIn.token]);
  standIn.events.on('rejection', (call) => log.warn({ call: describeCall(call) }, 'the Discord stand-in rejected a request from the bot'));
  let app: App;
  try {
    await deployCommands(loadConfig(env), commands);
    const clock: Clock = { now: () => new Date(standIn.clock.now()) };
    app = await run(env, { clock, log, storePrefix: STORE_PREFIX });
  } catch (err) {
    await standIn.close();
    throw err;
  }
  const clock = new ClockControl(standIn, app);
  const feed = new LiveFeed(standIn, playgroundGuild.id ?? '', roster, clock);
  const server = createPlaygroundServer({ bundle, feed, clock, actions: new PlaygroundActions(standIn, roster), log });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, HOST, () => resolve());
    });
  } catch (err) {
    feed.close();
    await app.stop();
    await standIn.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${HOST}:${port}/`,
    standIn,
    app,
    async close() {
      feed.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await standIn.close();
    },
  };
}
