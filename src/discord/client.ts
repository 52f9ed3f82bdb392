import { Client, GatewayIntentBits, Options } from 'discord.js';

export interface ClientOptions {
  /** REST base without version, e.g. http://127.0.0.1:8080/api for the local stand-in. */
  readonly apiUrl?: string;
  readonly shards?: number | number[];
  readonly shardCount?: number;
}

/**
 * Only the Guilds intent, and caches for nothing the bot does not read: in thousands of guilds the member,
 * message, presence, emoji and sticker caches are most of a default client's memory. Kept: guilds, channels
 * and roles (channel permission checks need them) and the bot's own member.
 */
export function createClient({ apiUrl, shards, shardCount }: ClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(shards === undefined ? {} : { shards }),
    ...(shardCount === undefined ? {} : { shardCount }),
    rest: apiUrl ? { api: apiUrl } : {},
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      ApplicationCommandManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildInviteManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
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
    }),
    allowedMentions: { parse: [] },
  });
}
