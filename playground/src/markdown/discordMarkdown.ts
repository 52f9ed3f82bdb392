import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';

/**
 * Discord-flavoured Markdown as tokens (marked's lexer, never its HTML renderer): what Discord shows and no more.
 * Added: <t:unix:style> timestamps, <@user> <@&role> <#channel> mentions, <:emoji:id>, ||spoilers||, "-# " subtext.
 * Removed: tables, setext headings, rules, link definitions, indented code and raw HTML (which stays plain text).
 */

export interface TimestampToken extends Tokens.Generic {
  readonly type: 'timestamp';
  readonly unix: number;
  readonly style: string;
}

export interface MentionToken extends Tokens.Generic {
  readonly type: 'mention';
  readonly kind: 'user' | 'role' | 'channel' | 'emoji';
  readonly id: string;
  readonly name?: string;
}

export interface SpoilerToken extends Tokens.Generic {
  readonly type: 'spoiler';
  readonly tokens: Tokens.Generic[];
}

export interface SubtextToken extends Tokens.Generic {
  readonly type: 'subtext';
  readonly tokens: Tokens.Generic[];
}

const TAG = /^<(?:t:(-?\d{1,13})(?::([tTdDfFR]))?|@!?(\d{1,20})|@&(\d{1,20})|#(\d{1,20})|a?:(\w{2,32}):(\d{1,20}))>/;

const discordTags: TokenizerAndRendererExtension = {
  name: 'discordTag',
  level: 'inline',
  start: (src) => src.indexOf('<'),
  tokenizer(src) {
    const match = TAG.exec(src);
    if (!match) return undefined;
    const [raw, unix, style, user, role, channel, emojiName, emojiId] = match;
    if (unix !== undefined) return { type: 'timestamp', raw, unix: Number(unix), style: style ?? 'f' } as TimestampToken;
    if (user !== undefined) return { type: 'mention', raw, kind: 'user', id: user } as MentionToken;
    if (role !== undefined) return { type: 'mention', raw, kind: 'role', id: role } as MentionToken;
    if (channel !== undefined) return { type: 'mention', raw, kind: 'channel', id: channel } as MentionToken;
    return { type: 'mention', raw, kind: 'emoji', id: emojiId ?? '', name: emojiName } as MentionToken;
  },
};

const spoiler: TokenizerAndRendererExtension = {
  name: 'spoiler',
  level: 'inline',
  start: (src) => src.indexOf('||'),
  tokenizer(src) {
    const match = /^\|\|([\s\S]+?)\|\|/.exec(src);
    if (!match) return undefined;
    return { type: 'spoiler', raw: match[0], tokens: this.lexer.inlineTokens(match[1] ?? '') } as SpoilerToken;
  },
};

const subtext: TokenizerAndRendererExtension = {
  name: 'subtext',
  level: 'block',
  start: (src) => src.match(/(^|\n)-# /)?.index,
  tokenizer(src) {
    const match = /^-# +([^\n]+)(?:\n|$)/.exec(src);
    if (!match) return undefined;
    return { type: 'subtext', raw: match[0], tokens: this.lexer.inlineTokens(match[1] ?? '') } as SubtextToken;
  },
};

const none = () => undefined;

const marked = new Marked({
  gfm: true,
  breaks: true,
  extensions: [discordTags, spoiler, subtext],
  tokenizer: { table: none, lheading: none, def: none, code: none, html: none, tag: none, hr: none },
});

/** Block tokens for a message's content, an embed description or a field value. */
export const blockTokens = (text: string): Tokens.Generic[] => marked.lexer(text) as Tokens.Generic[];

/** Inline tokens only (embed titles, field names, button labels): no headings, lists or quotes. */
export const inlineTokens = (text: string): Tokens.Generic[] => marked.Lexer.lexInline(text, marked.defaults) as Tokens.Generic[];
