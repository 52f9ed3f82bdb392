import type { ChannelRecord, GuildRecord, MemberRecord, MessageRecord, RoleRecord, UserRecord } from './records.js';
import type { World } from './world.js';

/** The model rendered as Discord's API objects (what REST answers and the gateway sends). */

export const iso = (epochMs: number): string => new Date(epochMs).toISOString();

export function apiUser(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    avatar_decoration_data: null,
    banner: null,
    accent_color: null,
    public_flags: 0,
    flags: 0,
    ...(user.bot ? { bot: true } : {}),
  };
}

export function apiMember(world: World, member: MemberRecord): Record<string, unknown> {
  const user = world.users.get(member.userId);
  return {
    ...(user ? { user: apiUser(user) } : {}),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: member.roleIds,
    joined_at: iso(member.joinedAt),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export function apiRole(role: RoleRecord): Record<string, unknown> {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: role.hoist,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions,
    managed: role.managed,
    mentionable: role.mentionable,
    flags: 0,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function apiChannel(channel: ChannelRecord): Record<string, unknown> {
  const common = {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    parent_id: channel.parentId,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: channel.rateLimitPerUser,
    flags: 0,
  };
  if (!channel.thread) {
    return { ...common, position: channel.position, permission_overwrites: channel.overwrites, topic: channel.topic, nsfw: false };
  }
  const t = channel.thread;
  return {
    ...common,
    owner_id: t.ownerId,
    message_count: channel.messageCount,
    total_message_sent: channel.messageCount,
    member_count: 1,
    thread_metadata: {
      archived: t.archived,
      auto_archive_duration: t.autoArchiveDuration,
      archive_timestamp: iso(t.createdAt),
      locked: t.locked,
      create_timestamp: iso(t.createdAt),
      ...(t.invitable === null ? {} : { invitable: t.invitable }),
    },
    applied_tags: [],
  };
}

export function apiGuildCreate(world: World, guild: GuildRecord): Record<string, unknown> {
  const channels = guild.channelIds.map((id) => world.channels.get(id)).filter((c): c is ChannelRecord => c !== undefined);
  const threads = world.threads().filter((t) => t.guildId === guild.id && !t.thread?.archived);
  return {
    ...guildBasics(guild),
    roles: guild.roles.map(apiRole),
    emojis: [],
    stickers: [],
    features: [],
    joined_at: iso(guild.joinedAt),
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    members: guild.members.map((m) => apiMember(world, m)),
    channels: channels.map(apiChannel),
    threads: threads.map(apiChannel),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

function guildBasics(guild: GuildRecord): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500_000,
    max_presences: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: guild.locale,
    nsfw_level: 0,
    nsfw: false,
  };
}

export function apiMessage(world: World, message: MessageRecord): Record<string, unknown> {
  const author = world.users.get(message.authorId);
  const thread = message.threadId ? world.channels.get(message.threadId) : undefined;
  return {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    ...(message.guildId ? { guild_id: message.guildId } : {}),
    author: author ? apiUser(author) : { id: message.authorId },
    content: message.content,
    timestamp: iso(message.createdAt),
    edited_timestamp: message.editedAt === null ? null : iso(message.editedAt),
    tts: message.tts,
    mention_everyone: message.pings.everyone,
    mentions: message.pings.users.map((id) => world.users.get(id)).flatMap((u) => (u ? [apiUser(u)] : [])),
    mention_roles: message.pings.roles,
    attachments: message.attachments,
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
    ...(message.webhookId ? { webhook_id: message.webhookId, application_id: message.webhookId } : {}),
    ...(message.interactionMetadata ? { interaction_metadata: message.interactionMetadata } : {}),
    ...(message.messageReference ? { message_reference: message.messageReference } : {}),
    ...(thread ? { thread: apiChannel(thread) } : {}),
  };
}
