import type { AllowedMentions, Pings } from './records.js';

const USER_MENTION = /<@!?(\d{15,21})>/g;
const ROLE_MENTION = /<@&(\d{15,21})>/g;
const EVERYONE_MENTION = /@(everyone|here)\b/;

/**
 * Who a message notifies, following Discord's allowed_mentions rules: without allowed_mentions every mention
 * in the content pings; with it, only the listed parse types and ids do.
 */
export function pingsOf(content: string, allowed: AllowedMentions | null, isReply: boolean): Pings {
  const users = unique(content, USER_MENTION);
  const roles = unique(content, ROLE_MENTION);
  const everyone = EVERYONE_MENTION.test(content);
  if (allowed === null) return { users, roles, everyone, repliedUser: isReply };
  const parse = allowed.parse ?? [];
  return {
    users: parse.includes('users') ? users : users.filter((id) => allowed.users?.includes(id)),
    roles: parse.includes('roles') ? roles : roles.filter((id) => allowed.roles?.includes(id)),
    everyone: everyone && parse.includes('everyone'),
    repliedUser: isReply && allowed.replied_user === true,
  };
}

/** Whether these allowed_mentions could let any content ping anyone at all. */
export function mayPing(allowed: AllowedMentions | null): boolean {
  if (allowed === null) return true;
  return (
    (allowed.parse?.length ?? 0) > 0 ||
    (allowed.users?.length ?? 0) > 0 ||
    (allowed.roles?.length ?? 0) > 0 ||
    allowed.replied_user === true
  );
}

function unique(content: string, pattern: RegExp): string[] {
  return [...new Set([...content.matchAll(pattern)].map((m) => m[1] ?? ''))];
}
