import { type InteractionReplyOptions, MessageFlags, type MessageMentionOptions } from 'discord.js';

/** Nobody is ever pinged by a reply: user text and bundle text are shown, never resolved as mentions. */
export const noMentions: MessageMentionOptions = { parse: [] };

export const MESSAGE_MAX = 2000;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function ephemeral(content: string): InteractionReplyOptions & { flags: MessageFlags.Ephemeral } {
  return { content: truncate(content, MESSAGE_MAX), flags: MessageFlags.Ephemeral, allowedMentions: noMentions };
}
