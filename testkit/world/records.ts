import type { Overwrite } from '../permissions.js';

/** The stand-in's model of Discord. Plain data (no bigint, no class instances), so it serialises to JSON as is. */

export interface UserRecord {
  readonly id: string;
  username: string;
  globalName: string | null;
  readonly bot: boolean;
}

export interface RoleRecord {
  readonly id: string;
  name: string;
  /** Bitfield as Discord sends it: a decimal string. */
  permissions: string;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  /** Set on the role Discord gives a bot when it joins. */
  botId: string | null;
}

export interface MemberRecord {
  readonly userId: string;
  roleIds: string[];
  nick: string | null;
  joinedAt: number;
}

export interface GuildRecord {
  readonly id: string;
  name: string;
  ownerId: string;
  locale: string;
  roles: RoleRecord[];
  members: MemberRecord[];
  channelIds: string[];
  /** The default "regular member" (no Manage Server) and "moderator" (Manage Server) of this guild. */
  memberUserId: string;
  moderatorUserId: string;
  joinedAt: number;
}

export const ChannelType = {
  GuildText: 0,
  GuildAnnouncement: 5,
  AnnouncementThread: 10,
  PublicThread: 11,
  PrivateThread: 12,
  GuildForum: 15,
} as const;

export interface ThreadMeta {
  ownerId: string;
  starterMessageId: string | null;
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: number;
  createdAt: number;
  invitable: boolean | null;
}

export interface ChannelRecord {
  readonly id: string;
  readonly guildId: string;
  readonly type: number;
  name: string;
  position: number;
  /** For a thread: the channel it was created in. */
  parentId: string | null;
  topic: string | null;
  rateLimitPerUser: number;
  overwrites: Overwrite[];
  lastMessageId: string | null;
  messageCount: number;
  thread: ThreadMeta | null;
}

export interface AllowedMentions {
  parse?: string[];
  users?: string[];
  roles?: string[];
  replied_user?: boolean;
}

/** Who a message actually notifies, given its content and allowed_mentions. */
export interface Pings {
  users: string[];
  roles: string[];
  everyone: boolean;
  repliedUser: boolean;
}

export interface MessageRecord {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string;
  readonly authorId: string;
  /** Discord message type: 0 default, 19 reply, 20 chat-input command response. */
  readonly type: number;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  flags: number;
  tts: boolean;
  /** allowed_mentions exactly as the bot last sent it (null when it sent none, i.e. Discord's permissive default). */
  allowedMentions: AllowedMentions | null;
  pings: Pings;
  messageReference: { message_id: string; channel_id?: string; guild_id?: string } | null;
  createdAt: number;
  editedAt: number | null;
  revision: number;
  ephemeral: boolean;
  /** For an ephemeral message, the only user who sees it. */
  visibleTo: string | null;
  /** The interaction this message answers (reply, deferred reply or follow-up). */
  interactionId: string | null;
  /** Discord's interaction_metadata for that message, API-shaped. */
  interactionMetadata: Record<string, unknown> | null;
  webhookId: string | null;
  threadId: string | null;
  deleted: boolean;
}

export interface CommandRecord {
  readonly id: string;
  readonly applicationId: string;
  readonly guildId: string | null;
  version: string;
  /** The command as registered (the body the bot sent, with Discord's defaults filled in). */
  definition: CommandDefinition;
}

export interface CommandOptionDefinition {
  type: number;
  name: string;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: CommandOptionDefinition[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: number[];
}

export interface CommandDefinition {
  name: string;
  type?: number;
  description?: string;
  options?: CommandOptionDefinition[];
  default_member_permissions?: string | number | null;
  [key: string]: unknown;
}
