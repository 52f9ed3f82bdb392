import { PermissionFlagsBits } from 'discord-api-types/v10';

export type PermissionName = keyof typeof PermissionFlagsBits;
/** Names (['SendMessages', …]) or a bitfield. */
export type PermissionsInput = readonly PermissionName[] | bigint;

export interface Overwrite {
  readonly id: string;
  /** 0 = role, 1 = member */
  readonly type: 0 | 1;
  readonly allow: string;
  readonly deny: string;
}

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

export function permissionBits(input: PermissionsInput): bigint {
  if (typeof input === 'bigint') return input;
  return input.reduce((all, name) => all | flag(name), 0n);
}

export function has(permissions: bigint, name: PermissionName): boolean {
  const bit = flag(name);
  return (permissions & bit) === bit;
}

function flag(name: PermissionName): bigint {
  const bit = PermissionFlagsBits[name];
  if (bit === undefined) throw new Error(`unknown permission name: ${String(name)}`);
  return bit;
}

/** What @everyone gets in a new server, roughly: read, write, react, make threads, use commands. */
export const EVERYONE_DEFAULT = permissionBits([
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'CreatePublicThreads',
  'CreatePrivateThreads',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'AddReactions',
  'UseExternalEmojis',
  'UseApplicationCommands',
  'CreateInstantInvite',
  'ChangeNickname',
  'Connect',
  'Speak',
]);

export const MODERATOR_DEFAULT = permissionBits(['ManageGuild', 'ManageMessages', 'ManageThreads', 'KickMembers', 'ModerateMembers']);

export const BOT_DEFAULT = permissionBits([
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'CreatePublicThreads',
  'CreatePrivateThreads',
  'ManageThreads',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'AddReactions',
  'UseExternalEmojis',
]);

export interface PermissionSubject {
  readonly userId: string;
  readonly roleIds: readonly string[];
  readonly isOwner: boolean;
}

export interface PermissionScope {
  readonly guildId: string;
  readonly rolePermissions: ReadonlyMap<string, bigint>;
  readonly overwrites: readonly Overwrite[];
}

/** Discord's algorithm: base from @everyone and roles, then @everyone, role and member overwrites, in that order. */
export function computePermissions(subject: PermissionSubject, scope: PermissionScope): bigint {
  const base = basePermissions(subject, scope);
  if (base === ALL_PERMISSIONS) return base;
  const withOverwrites = applyOverwrites(base, subject, scope);
  return has(withOverwrites, 'ViewChannel') ? withOverwrites : 0n;
}

function basePermissions(subject: PermissionSubject, scope: PermissionScope): bigint {
  if (subject.isOwner) return ALL_PERMISSIONS;
  let base = scope.rolePermissions.get(scope.guildId) ?? 0n;
  for (const roleId of subject.roleIds) base |= scope.rolePermissions.get(roleId) ?? 0n;
  return has(base, 'Administrator') ? ALL_PERMISSIONS : base;
}

function applyOverwrites(base: bigint, subject: PermissionSubject, scope: PermissionScope): bigint {
  let permissions = base;
  const everyone = scope.overwrites.find((o) => o.id === scope.guildId);
  if (everyone) permissions = (permissions & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of scope.overwrites) {
    if (overwrite.type !== 0 || !subject.roleIds.includes(overwrite.id)) continue;
    allow |= BigInt(overwrite.allow);
    deny |= BigInt(overwrite.deny);
  }
  permissions = (permissions & ~deny) | allow;
  const own = scope.overwrites.find((o) => o.type === 1 && o.id === subject.userId);
  if (own) permissions = (permissions & ~BigInt(own.deny)) | BigInt(own.allow);
  return permissions;
}
