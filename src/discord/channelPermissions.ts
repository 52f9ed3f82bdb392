import {
  type APIGuildMember,
  type APIOverwrite,
  type APIRole,
  type Client,
  DiscordAPIError,
  OverwriteType,
  PermissionFlagsBits,
  PermissionsBitField,
  RESTJSONErrorCodes,
  Routes,
} from 'discord.js';
import { permissionName } from './permissions.js';

/**
 * The bot's permissions in a channel, asked of the API (the channel's overwrites, the guild's roles, the bot's own
 * member), because the client caches no channels, roles or members: with thousands of guilds those caches are most
 * of its memory, and only `/prompts setup` needs another channel's permissions. discord.js's own
 * `permissionsFor` reads those caches, so Discord's documented algorithm is applied here to the raw objects.
 */

interface PermissionSources {
  readonly guildId: string;
  readonly ownerId: string | undefined;
  readonly member: Pick<APIGuildMember, 'roles'> & { readonly id: string };
  readonly roles: readonly Pick<APIRole, 'id' | 'permissions'>[];
  readonly overwrites: readonly APIOverwrite[];
}

const ALL = PermissionsBitField.All;
const applyOverwrite = (bits: bigint, overwrite: Pick<APIOverwrite, 'allow' | 'deny'> | undefined) =>
  overwrite ? (bits & ~BigInt(overwrite.deny)) | BigInt(overwrite.allow) : bits;

/** Discord's algorithm: base from @everyone and the member's roles, then @everyone, role and member overwrites. */
export function computeChannelPermissions({ guildId, ownerId, member, roles, overwrites }: PermissionSources): bigint {
  if (member.id === ownerId) return ALL;
  const roleBits = new Map(roles.map((role) => [role.id, BigInt(role.permissions)]));
  const base = [guildId, ...member.roles].reduce((bits, id) => bits | (roleBits.get(id) ?? 0n), 0n);
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL;
  let bits = applyOverwrite(
    base,
    overwrites.find((o) => o.id === guildId),
  );
  const ofRoles = overwrites.filter((o) => o.type === OverwriteType.Role && member.roles.includes(o.id));
  bits = applyOverwrite(bits, {
    allow: String(ofRoles.reduce((all, o) => all | BigInt(o.allow), 0n)),
    deny: String(ofRoles.reduce((all, o) => all | BigInt(o.deny), 0n)),
  });
  bits = applyOverwrite(
    bits,
    overwrites.find((o) => o.type === OverwriteType.Member && o.id === member.id),
  );
  return (bits & PermissionFlagsBits.ViewChannel) === 0n ? 0n : bits;
}

const CANNOT_SEE = new Set<number | string>([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.MissingAccess]);

/**
 * The names of the permissions the bot lacks in a text channel of this guild, or undefined when it cannot see the
 * channel at all (or the channel is in another guild).
 */
export async function missingBotPermissions(
  client: Client<true>,
  guildId: string,
  channelId: string,
  required: readonly bigint[],
): Promise<string[] | undefined> {
  const rest = client.rest;
  const botId = client.user.id;
  let channel: { guild_id?: string; permission_overwrites?: APIOverwrite[] };
  try {
    channel = (await rest.get(Routes.channel(channelId))) as typeof channel;
  } catch (err) {
    if (err instanceof DiscordAPIError && CANNOT_SEE.has(err.code)) return undefined;
    throw err;
  }
  if (channel.guild_id !== guildId) return undefined;
  const [roles, member] = await Promise.all([
    rest.get(Routes.guildRoles(guildId)) as Promise<APIRole[]>,
    rest.get(Routes.guildMember(guildId, botId)) as Promise<APIGuildMember>,
  ]);
  const granted = computeChannelPermissions({
    guildId,
    ownerId: client.guilds.cache.get(guildId)?.ownerId,
    member: { id: botId, roles: member.roles },
    roles,
    overwrites: channel.permission_overwrites ?? [],
  });
  return required.filter((flag) => (granted & flag) !== flag).map(permissionName);
}
