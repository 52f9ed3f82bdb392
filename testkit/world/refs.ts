import { type ChannelRecord, ChannelType, type GuildRecord } from './records.js';
import type { World } from './world.js';

/** A guild by index (0 = the first fixture), id or name. */
export type GuildRef = number | string | { readonly id: string };
/** A channel or thread by id or name (within the guild). */
export type ChannelRef = string | { readonly id: string };
/** 'member' (no Manage Server), 'moderator' (Manage Server), 'owner', a user id, a username, or a record with an id. */
export type MemberRef = 'member' | 'moderator' | 'owner' | string | { readonly id: string };

export function resolveGuild(world: World, ref: GuildRef = 0): GuildRecord {
  if (typeof ref === 'number') {
    let i = 0;
    for (const guild of world.guilds.values()) if (i++ === ref) return guild;
    throw new Error(`there is no guild number ${ref} (the stand-in has ${world.guilds.size})`);
  }
  const key = typeof ref === 'string' ? ref : ref.id;
  const guild = world.guilds.get(key) ?? [...world.guilds.values()].find((g) => g.name === key);
  if (!guild) throw new Error(`no guild with id or name '${key}'`);
  return guild;
}

export function resolveChannel(world: World, guild: GuildRecord, ref?: ChannelRef): ChannelRecord {
  if (ref === undefined) {
    const first = guild.channelIds.map((id) => world.channels.get(id)).find((c) => c?.type === ChannelType.GuildText);
    if (!first) throw new Error(`guild ${guild.name} has no text channel`);
    return first;
  }
  const key = typeof ref === 'string' ? ref : ref.id;
  const byId = world.channels.get(key);
  if (byId && byId.guildId === guild.id) return byId;
  const byName = [...guild.channelIds.map((id) => world.channels.get(id)), ...world.threads()].find(
    (c) => c?.guildId === guild.id && c.name === key,
  );
  if (!byName) throw new Error(`guild ${guild.name} has no channel or thread '${key}'`);
  return byName;
}

export function resolveMember(world: World, guild: GuildRecord, ref: MemberRef = 'member'): string {
  const userId = memberId(world, guild, ref);
  if (!guild.members.some((m) => m.userId === userId)) throw new Error(`user ${userId} is not a member of guild ${guild.name}`);
  return userId;
}

function memberId(world: World, guild: GuildRecord, ref: MemberRef): string {
  if (typeof ref !== 'string') return ref.id;
  if (ref === 'member') return guild.memberUserId;
  if (ref === 'moderator') return guild.moderatorUserId;
  if (ref === 'owner') return guild.ownerId;
  if (world.users.has(ref)) return ref;
  const byName = guild.members.find((m) => world.users.get(m.userId)?.username === ref);
  if (!byName) throw new Error(`guild ${guild.name} has no member '${ref}'`);
  return byName.userId;
}
