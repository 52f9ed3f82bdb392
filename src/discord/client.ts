import {
  type CacheFactory,
  type CacheWithLimitsOptions,
  Client,
  disableValidators,
  GatewayIntentBits,
  LimitedCollection,
  Options,
} from 'discord.js';

export interface ClientOptions {
  /** REST base without version, e.g. http://127.0.0.1:8080/api for the local stand-in. */
  readonly apiUrl?: string;
  readonly shards?: number | number[];
  readonly shardCount?: number;
}

/**
 * discord.js's typings leave these out of the cache settings (it calls dropping the first three unsupported); it
 * honours them. Commands are registered over REST (deploy.ts), never read from a guild's command cache.
 */
const UNREAD_GUILD_CACHES = {
  ChannelManager: 0,
  GuildChannelManager: 0,
  RoleManager: 0,
  GuildApplicationCommandManager: 0,
  GuildSoundboardSoundManager: 0,
} as const;

/**
 * Only the Guilds intent, and caches for nothing the bot does not read. With thousands of guilds, the channel,
 * role and member objects are most of a default client's memory (30 channels and 25 roles a guild: about two
 * thirds of it), and the bot reads none of them: an interaction carries its guild, channel and permissions,
 * weekly posts, rounds and reveals fetch their channel when they post, and `/prompts setup` asks the API for the
 * one channel it checks (channelPermissions.ts). Kept: the guilds themselves (which shard owns a guild) and the
 * bot's own user. discord.js warns once per manager that dropping the channel and role caches is unsupported:
 * it is, for what reads them (`permissionsFor`, `guild.roles.everyone`), and this bot calls none of those.
 */
const CACHE_SETTINGS: CacheWithLimitsOptions = {
  ...Options.DefaultMakeCacheSettings,
  ...UNREAD_GUILD_CACHES,
  ApplicationCommandManager: 0,
  AutoModerationRuleManager: 0,
  BaseGuildEmojiManager: 0,
  DMMessageManager: 0,
  EntitlementManager: 0,
  GuildBanManager: 0,
  GuildEmojiManager: 0,
  GuildForumThreadManager: 0,
  GuildInviteManager: 0,
  GuildMemberManager: 0,
  GuildMessageManager: 0,
  GuildScheduledEventManager: 0,
  GuildStickerManager: 0,
  GuildTextThreadManager: 0,
  MessageManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  StageInstanceManager: 0,
  ThreadManager: 0,
  ThreadMemberManager: 0,
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
  VoiceStateManager: 0,
};

/**
 * A cache of size 0 never holds an entry, so every manager the bot caches nothing for shares one: at 5,000 guilds
 * that is one empty collection instead of a dozen per guild (60,000 collections, about 12 MB of heap).
 */
function sharingEmptyCaches(settings: CacheWithLimitsOptions): CacheFactory {
  const limited = Options.cacheWithLimits(settings);
  const nothing = new LimitedCollection<string, never>({ maxSize: 0 });
  const sizes = settings as Record<string, unknown>;
  return (managerType, holds, manager) =>
    (sizes[manager.name] ?? sizes[managerType.name]) === 0 ? nothing : limited(managerType, holds, manager);
}

export function createClient({ apiUrl, shards, shardCount }: ClientOptions = {}): Client {
  // The builders re-check every field of every button and row with @sapphire/shapeshift on each reply (a sixth of a
  // quiz answer's CPU). The views keep Discord's limits themselves (truncate, fitLines; test/discord/views checks
  // each view against them) and Discord checks again, so the builders' own checks are turned off, process-wide.
  disableValidators();
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(shards === undefined ? {} : { shards }),
    ...(shardCount === undefined ? {} : { shardCount }),
    rest: apiUrl ? { api: apiUrl } : {},
    makeCache: sharingEmptyCaches(CACHE_SETTINGS),
    allowedMentions: { parse: [] },
    // Replies are API JSON already (APIEmbed objects and builders, never camelCase data), so discord.js's default,
    // which rewrites every key of every embed with lodash.snakecase, is skipped: it was a sixth of a quiz answer's CPU.
    jsonTransformer: (data: unknown) => data,
  });
}
