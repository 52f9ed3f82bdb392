import { type Client, Events } from 'discord.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { Content } from './content/content.js';
import { loadBundleOrThrow } from './content/loader.js';
import { catalogOf } from './discord/catalog.js';
import { createClient } from './discord/client.js';
import { createRouter } from './discord/router.js';
import { commands } from './discord/routes.js';
import { createLogger, type Logger } from './log.js';
import type { Services } from './services.js';
import { openStore } from './store/store.js';

export interface App {
  readonly client: Client;
  readonly services: Services;
  stop(): Promise<void>;
}

export interface AppOptions {
  readonly log?: Logger;
  readonly clock?: Clock;
  /** Keeps several bots (tests, deployments) apart on one shared Redis. */
  readonly storePrefix?: string;
}

function watchClient(client: Client, log: Logger) {
  client.on(Events.Error, (err) => log.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  client.rest.on('rateLimited', (info) =>
    log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'),
  );
}

/** Start-up order: content → store → client → login. Resolves once the client is ready to answer interactions. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  const content = new Content(await loadBundleOrThrow(config.CONTENT_DIR));
  log.info({ version: content.version, sections: content.sections.size, claims: content.claims.size }, 'content loaded');

  const store = await openStore(config.STORE_URL, log, options.storePrefix);
  const services: Services = { config, log, clock: options.clock ?? systemClock, content, store, catalog: catalogOf(commands) };
  const router = createRouter(commands);
  const client = createClient({ ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}) });
  watchClient(client, log);
  client.on(Events.InteractionCreate, (interaction) => void router.dispatch(services, interaction));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } catch (err) {
    await client.destroy();
    await store.close();
    throw err;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'ready');

  return {
    client,
    services,
    async stop() {
      await client.destroy();
      await store.close();
      log.info('stopped');
    },
  };
}
