import { type Client, Events } from 'discord.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { Content } from './content/content.js';
import { loadBundleOrThrow } from './content/loader.js';
import { catalogOf } from './discord/catalog.js';
import { createClient } from './discord/client.js';
import type { Command } from './discord/command.js';
import { discordPromptPoster } from './discord/promptPoster.js';
import { discordReminderSender } from './discord/reminderSender.js';
import { discordRoundDisplay } from './discord/roundDisplay.js';
import { createRouter } from './discord/router.js';
import { discordStanceDisplay } from './discord/stanceDisplay.js';
import { createLogger, type Logger } from './log.js';
import { Prompts } from './prompts/service.js';
import { ReportService } from './quiz/reports.js';
import { ReviewService } from './quiz/reviewService.js';
import { RoundService } from './quiz/rounds.js';
import { QuizService } from './quiz/service.js';
import { Reminders } from './reminders/service.js';
import type { Services } from './services.js';
import { StanceService } from './stances/service.js';
import { SuggestionQueue } from './stances/suggestions.js';
import { openStore, type Store } from './store/store.js';

export interface App {
  readonly client: Client;
  readonly services: Services;
  /** The store the services share; handlers never see it, tests and tools may inspect it. */
  readonly store: Store;
  stop(): Promise<void>;
}

export interface AppOptions {
  readonly log?: Logger;
  readonly clock?: Clock;
  /** Keeps several bots (tests, deployments) apart on one shared Redis; default STORE_PREFIX. */
  readonly storePrefix?: string;
}

/** A reminder is still sent this late after its time (the bot was down then); later it waits for the next day. */
const REMINDER_GRACE_MS = 3 * 3_600_000;

function watchClient(client: Client, log: Logger) {
  client.on(Events.Error, (err) => log.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  client.rest.on('rateLimited', (info) =>
    log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'),
  );
}

/**
 * Start-up order: content → store → client → login. Resolves once the client is ready to answer interactions.
 * The commands come from the entry point (src/main.ts), so the core never imports the layer above it.
 */
export async function startApp(config: Config, commands: readonly Command[], options: AppOptions = {}): Promise<App> {
  const rootLog = options.log ?? createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  const content = new Content(await loadBundleOrThrow(config.CONTENT_DIR));
  rootLog.info({ version: content.version, sections: content.sections.size, claims: content.claims.size }, 'content loaded');

  const store = await openStore(config.STORE_URL, rootLog, options.storePrefix ?? config.STORE_PREFIX);
  // SHARD_IDS: this process runs these shards of SHARD_COUNT, other machines the rest (no ShardingManager).
  const shards = config.SHARD_IDS ? { shards: config.SHARD_IDS, shardCount: config.SHARD_COUNT } : {};
  const client = createClient({ ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}), ...shards });
  // Under `npm run start:sharded` discord.js reads this process's shard ids from the environment; every line says which.
  const shardIds = client.shard?.ids ?? config.SHARD_IDS;
  const log = shardIds ? rootLog.child({ shards: shardIds }) : rootLog;
  const clock = options.clock ?? systemClock;
  const quiz = new QuizService({ store, content, clock });
  const reports = new ReportService({ store, content, clock });
  const reviews = new ReviewService({ store, content, clock, quiz });
  const reminders = new Reminders({ store, clock, log, quiz, reviews, graceMs: REMINDER_GRACE_MS });
  const rounds = new RoundService({ quiz, store, content, clock, log, display: discordRoundDisplay(client, content, log) });
  const suggestions = new SuggestionQueue(store, clock);
  const prompts = new Prompts({ store, content, clock, log, graceMs: config.PROMPT_GRACE_HOURS * 3_600_000, guildPrompts: suggestions });
  const stances = new StanceService({ store, content, clock, log, suggestions });
  const services: Services = {
    config,
    log,
    clock,
    content,
    catalog: catalogOf(commands),
    quiz,
    reports,
    reviews,
    reminders,
    rounds,
    prompts,
    stances,
    suggestions,
  };
  const router = createRouter(commands);
  watchClient(client, log);
  client.on(Events.InteractionCreate, (interaction) => void router.dispatch(services, interaction));
  client.on(
    Events.GuildCreate,
    (guild) => void prompts.scheduler.track(guild.id).catch((err: unknown) => log.error({ err }, 'prompt schedule load failed')),
  );
  client.on(
    Events.GuildCreate,
    (guild) => void reminders.scheduler.trackGuild(guild.id).catch((err: unknown) => log.error({ err }, 'reminders load failed')),
  );
  client.on(Events.GuildDelete, (guild) => prompts.scheduler.untrack(guild.id));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } catch (err) {
    rounds.stop();
    prompts.scheduler.stop();
    reminders.scheduler.stop();
    stances.stop();
    await client.destroy();
    await store.close();
    throw err;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'ready');
  // Quiz rounds of this shard's guilds that were open when the bot stopped: re-arm, or reveal and close if overdue.
  await rounds.resume((guild) => client.guilds.cache.has(guild)).catch((err: unknown) => log.error({ err }, 'quiz round sweep failed'));
  const owns = (guild: string) => client.guilds.cache.has(guild);
  // Stance rounds of this shard's guilds that closed while the bot was down are revealed before any new post.
  await stances
    .start(discordStanceDisplay(client, content), owns)
    .then((revealed) => log.info({ revealed }, 'stance round sweep done'))
    .catch((err: unknown) => log.error({ err }, 'stance round sweep failed'));
  // Weekly prompts of this shard's guilds; posts a slot missed within the grace window while the bot was down.
  await prompts.scheduler
    .start({ poster: discordPromptPoster(client), owns, onPosted: async (post) => void (await stances.opened(post)) })
    .then((slots) => log.info({ due: slots.length, posted: slots.filter((s) => s.outcome === 'posted').length }, 'prompt catch-up done'))
    .catch((err: unknown) => log.error({ err }, 'prompt scheduler failed to start'));

  // Review reminders of this shard's guilds; sends one missed within the grace window while the bot was down.
  await reminders.scheduler
    .start({ send: discordReminderSender(client), owns })
    .then((results) => log.info({ sent: results.filter((r) => r.outcome === 'sent').length }, 'reminder catch-up done'))
    .catch((err: unknown) => log.error({ err }, 'reminder scheduler failed to start'));

  let stopped: Promise<void> | undefined;
  const stop = async () => {
    rounds.stop();
    prompts.scheduler.stop();
    reminders.scheduler.stop();
    stances.stop();
    await client.destroy();
    await store.close();
    log.info('stopped');
  };
  return {
    client,
    services,
    store,
    // Safe to call twice (a signal during a test's own teardown): the second call waits for the first.
    stop: () => {
      stopped ??= stop();
      return stopped;
    },
  };
}
