import { describe, expect, it } from 'vitest';
import { blockTokens, inlineTokens } from '../../../playground/src/markdown/discordMarkdown.js';

type Tok = { type: string; raw: string; text?: string; tokens?: Tok[]; [key: string]: unknown };
const flat = (tokens: readonly Tok[]): Tok[] => tokens.flatMap((t) => [t, ...flat(t.tokens ?? []), ...flat((t.items as Tok[]) ?? [])]);
const types = (text: string) => flat(blockTokens(text) as Tok[]).map((t) => t.type);

describe('Discord-flavoured Markdown tokens (playground page)', () => {
  it('reads timestamps, mentions and custom emoji', () => {
    const tokens = flat(inlineTokens('Closes <t:1700000000:R>, by <@123456789012345678> in <#42> for <@&7> :) <:wave:99>') as Tok[]);
    expect(tokens.find((t) => t.type === 'timestamp')).toMatchObject({ unix: 1700000000, style: 'R' });
    expect(tokens.filter((t) => t.type === 'mention').map((t) => t.kind)).toEqual(['user', 'channel', 'role', 'emoji']);
    expect(flat(inlineTokens('<t:1700000000>') as Tok[])[0]).toMatchObject({ type: 'timestamp', style: 'f' });
  });

  it('keeps raw HTML as text: no token ever carries markup to the page', () => {
    const all = types('<img src=x onerror="alert(1)"> and <b>bold</b>\n\n<div>block</div>\n\n<script>x()</script>');
    expect(all).not.toContain('html');
    const text = flat(blockTokens('<b>bold</b>') as Tok[])
      .filter((t) => t.type === 'text' && !t.tokens)
      .map((t) => t.text)
      .join('');
    expect(text).toBe('<b>bold</b>');
  });

  it('tells underline from bold, and knows spoilers, subtext, quotes, lists and fenced code', () => {
    const inline = flat(inlineTokens('__under__ **bold** ~~gone~~ ||secret||') as Tok[]);
    expect(inline.filter((t) => t.type === 'strong').map((t) => t.raw)).toEqual(['__under__', '**bold**']);
    expect(inline.map((t) => t.type)).toEqual(expect.arrayContaining(['del', 'spoiler']));
    expect(types('-# small print\n> quoted\n\n- one\n- two\n\n```\ncode\n```')).toEqual(
      expect.arrayContaining(['subtext', 'blockquote', 'list', 'code']),
    );
  });

  it('leaves out what Discord does not draw: tables and rules', () => {
    expect(types('| a | b |\n|---|---|\n| 1 | 2 |')).not.toContain('table');
    expect(types('above\n\n---\n\nbelow')).not.toContain('hr');
  });
});
