import { escapeMarkdown } from 'discord.js';
import { truncate } from '../reply.js';

/** Bidirectional controls (embeddings, overrides, isolates, marks) that could make quoted text read backwards. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * What a member typed, made safe to show inside a message: one line (so it cannot open a heading, list or
 * quote), no bidirectional controls (so it cannot reorder what follows it), markdown escaped (so `**`,
 * `[link](…)` and spoilers show as typed), and every `@` followed by a zero-width space so `@everyone`, `@here`
 * and `<@id>` never render as mentions, whatever allowed_mentions says.
 */
export function shownUserText(text: string, max: number): string {
  const line = text
    .replace(BIDI_CONTROLS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max + 1); // escaping only lengthens it
  const escaped = escapeMarkdown(line, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }).replaceAll(
    '@',
    '@\u200b',
  );
  return truncate(escaped, max).replace(/\\…$/, '…');
}

/** Discord's markup for mentions, channels, custom emoji and timestamps: `<@123>`, `<#123>`, `<:name:123>`, `<t:123:R>`. */
const DISCORD_MARKUP = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::\w)?)>/g;

/** What a member typed, as words to be read for meaning: without Discord's markup, whose ids would read as figures. */
export function plainUserText(text: string): string {
  return text.replace(DISCORD_MARKUP, ' ').replace(/\s+/g, ' ').trim();
}
