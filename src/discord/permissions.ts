import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/** Where Discord's settings name a permission other than its flag says. */
const SHOWN_AS: Partial<Record<string, string>> = { ManageGuild: 'Manage Server', ManageGuildExpressions: 'Manage Expressions' };

/** "SendMessagesInThreads" → "Send Messages in Threads", "ManageGuild" → "Manage Server", as Discord's settings name them. */
export function permissionName(flag: bigint): string {
  const key = Object.entries(PermissionFlagsBits).find(([, bit]) => bit === flag)?.[0] ?? String(flag);
  return SHOWN_AS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ In /g, ' in ');
}

/** The names of every permission in a bit set, e.g. a command's required permissions. */
export const permissionNames = (permissions: bigint): string[] =>
  new PermissionsBitField(permissions).toArray().map((flag) => permissionName(PermissionFlagsBits[flag]));
