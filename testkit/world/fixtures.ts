import {
  BOT_DEFAULT,
  EVERYONE_DEFAULT,
  MODERATOR_DEFAULT,
  type Overwrite,
  type PermissionName,
  type PermissionsInput,
  permissionBits,
} from '../permissions.js';
import type { SnowflakeSource, SpreadSnowflakes } from '../snowflake.js';
import { type ChannelRecord, ChannelType, type GuildRecord, type RoleRecord, type UserRecord } from './records.js';
import type { World } from './world.js';

export interface OverwriteFixture {
  readonly allow?: readonly PermissionName[];
  readonly deny?: readonly PermissionName[];
}

export interface ChannelFixture {
  readonly id?: string;
  readonly name: string;
  readonly type?: 'text' | 'announcement' | 'forum';
  readonly topic?: string;
  /** Overwrites for the bot's own member in this channel, e.g. `{ deny: ['SendMessages'] }`. */
  readonly bot?: OverwriteFixture;
  /** Overwrites for @everyone in this channel. */
  readonly everyone?: OverwriteFixture;
}

export interface RoleFixture {
  readonly id?: string;
  readonly name: string;
  readonly permissions?: PermissionsInput;
  readonly mentionable?: boolean;
}

export interface MemberFixture {
  /** Reuse an existing user (e.g. another guild's member) or give the new user this id. */
  readonly id?: string;
  readonly username: string;
  /** Role names from this guild's roles ('Moderator' is always there). */
  readonly roles?: readonly string[];
}

export interface GuildFixture {
  readonly id?: string;
  readonly name?: string;
  readonly locale?: string;
  /** Default: one text channel, 'general'. */
  readonly channels?: readonly (string | ChannelFixture)[];
  /** Extra roles beside @everyone, 'Moderator' (Manage Server) and the bot's own role. */
  readonly roles?: readonly (string | RoleFixture)[];
  /** Extra members beside the bot, the regular member and the moderator. */
  readonly members?: readonly MemberFixture[];
  /** @everyone's permissions. */
  readonly everyone?: PermissionsInput;
  /** The bot role's permissions (the bot's guild-wide permissions). */
  readonly bot?: PermissionsInput;
}

/** Many guilds of one shape, e.g. for benchmarks: `manyGuilds(5000, { channels: 5, roles: 10 })`. */
export function manyGuilds(count: number, shape: { channels?: number; roles?: number } = {}): GuildFixture[] {
  const channels = Array.from({ length: shape.channels ?? 1 }, (_, i) => (i === 0 ? 'general' : `channel-${i + 1}`));
  const roles = Array.from({ length: shape.roles ?? 0 }, (_, i) => `role-${i + 1}`);
  return Array.from({ length: count }, (_, i) => ({ name: `Guild ${i + 1}`, channels, roles }));
}

export interface SharedUsers {
  readonly owner: UserRecord;
  readonly member: UserRecord;
  readonly moderator: UserRecord;
}

export function createSharedUsers(world: World, ids: SnowflakeSource): SharedUsers {
  const make = (username: string): UserRecord => {
    const user: UserRecord = { id: ids.next(), username, globalName: null, bot: false };
    world.users.set(user.id, user);
    return user;
  };
  return { owner: make('owner'), member: make('member'), moderator: make('moderator') };
}

export interface GuildBuildContext {
  readonly world: World;
  readonly ids: SnowflakeSource;
  readonly guildIds: SpreadSnowflakes;
  readonly users: SharedUsers;
}

export function buildGuild(ctx: GuildBuildContext, fixture: GuildFixture, index: number): GuildRecord {
  const { world, users } = ctx;
  const id = fixture.id ?? ctx.guildIds.next();
  const roles = buildRoles(ctx, id, fixture);
  const guild: GuildRecord = {
    id,
    name: fixture.name ?? `Guild ${index + 1}`,
    ownerId: users.owner.id,
    locale: fixture.locale ?? 'en-US',
    roles,
    members: [],
    channelIds: [],
    memberUserId: users.member.id,
    moderatorUserId: users.moderator.id,
    joinedAt: world.clock.now(),
  };
  const roleId = (name: string) => roleByName(guild, name).id;
  const join = (userId: string, roleIds: string[]) => guild.members.push({ userId, roleIds, nick: null, joinedAt: guild.joinedAt });
  join(world.bot.id, [roleId(botRoleName(world))]);
  join(users.owner.id, []);
  join(users.member.id, []);
  join(users.moderator.id, [roleId('Moderator')]);
  for (const m of fixture.members ?? []) join(ensureUser(ctx, m).id, (m.roles ?? []).map(roleId));
  for (const [position, c] of (fixture.channels ?? ['general']).entries())
    addChannel(ctx, guild, typeof c === 'string' ? { name: c } : c, position);
  world.guilds.set(id, guild);
  return guild;
}

export function roleByName(guild: GuildRecord, name: string): RoleRecord {
  const role = guild.roles.find((r) => r.name === name);
  if (!role) throw new Error(`guild ${guild.name} has no role named '${name}' (roles: ${guild.roles.map((r) => r.name).join(', ')})`);
  return role;
}

function botRoleName(world: World): string {
  return world.bot.username;
}

function buildRoles(ctx: GuildBuildContext, guildId: string, fixture: GuildFixture): RoleRecord[] {
  const role = (id: string, name: string, permissions: bigint, position: number, extra: Partial<RoleRecord> = {}): RoleRecord => ({
    id,
    name,
    permissions: permissions.toString(),
    position,
    color: 0,
    hoist: false,
    managed: false,
    mentionable: false,
    botId: null,
    ...extra,
  });
  const extras = (fixture.roles ?? []).map((r) => (typeof r === 'string' ? { name: r } : r));
  return [
    role(guildId, '@everyone', permissionBits(fixture.everyone ?? EVERYONE_DEFAULT), 0),
    ...extras.map((r, i) =>
      role(r.id ?? ctx.ids.next(), r.name, permissionBits(r.permissions ?? 0n), i + 1, { mentionable: r.mentionable ?? false }),
    ),
    role(ctx.ids.next(), 'Moderator', MODERATOR_DEFAULT, extras.length + 1),
    role(ctx.ids.next(), botRoleName(ctx.world), permissionBits(fixture.bot ?? BOT_DEFAULT), extras.length + 2, {
      managed: true,
      botId: ctx.world.bot.id,
    }),
  ];
}

function ensureUser(ctx: GuildBuildContext, fixture: MemberFixture): UserRecord {
  const existing = fixture.id === undefined ? undefined : ctx.world.users.get(fixture.id);
  if (existing) return existing;
  const user: UserRecord = { id: fixture.id ?? ctx.ids.next(), username: fixture.username, globalName: null, bot: false };
  ctx.world.users.set(user.id, user);
  return user;
}

const CHANNEL_TYPES = { text: ChannelType.GuildText, announcement: ChannelType.GuildAnnouncement, forum: ChannelType.GuildForum };

export function addChannel(ctx: GuildBuildContext, guild: GuildRecord, fixture: ChannelFixture, position: number): ChannelRecord {
  const overwrites: Overwrite[] = [];
  if (fixture.everyone) overwrites.push(overwrite(guild.id, 0, fixture.everyone));
  if (fixture.bot) overwrites.push(overwrite(ctx.world.bot.id, 1, fixture.bot));
  const channel: ChannelRecord = {
    id: fixture.id ?? ctx.ids.next(),
    guildId: guild.id,
    type: CHANNEL_TYPES[fixture.type ?? 'text'],
    name: fixture.name,
    position,
    parentId: null,
    topic: fixture.topic ?? null,
    rateLimitPerUser: 0,
    overwrites,
    lastMessageId: null,
    messageCount: 0,
    thread: null,
  };
  guild.channelIds.push(channel.id);
  ctx.world.addChannel(channel);
  return channel;
}

function overwrite(id: string, type: 0 | 1, fixture: OverwriteFixture): Overwrite {
  return { id, type, allow: permissionBits(fixture.allow ?? []).toString(), deny: permissionBits(fixture.deny ?? []).toString() };
}
