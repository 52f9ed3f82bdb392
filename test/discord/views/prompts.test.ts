import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { Content } from '../../../src/content/content.js';
import { limits } from '../../../src/content/limits.js';
import { loadBundleOrThrow } from '../../../src/content/loader.js';
import { postNowView, promptPostView, statusView } from '../../../src/discord/views/prompts.js';
import { cardFor, PostError } from '../../../src/prompts/poster.js';
import type { PromptSchedule } from '../../../src/prompts/record.js';
import type { PromptStatus } from '../../../src/prompts/service.js';

const GUILD = '100000000000000001';
const CHANNEL = '200000000000000001';

function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + (embed.footer?.text.length ?? 0);
}

const record: PromptSchedule = {
  v: 1,
  channelId: CHANNEL,
  weekday: 1,
  time: '17:00',
  timezone: 'Europe/Berlin',
  thread: true,
  state: 'active',
  activeSince: '2025-03-20T00:00:00.000Z',
  rotation: { queue: [], used: [] },
  failures: 0,
};

const statusOf = (changes: Partial<PromptSchedule>): PromptStatus => ({
  record: { ...record, ...changes },
  nextPost: new Date('2025-03-31T15:00:00Z'),
  upNext: undefined,
  left: 3,
  total: 5,
  lastPrompt: undefined,
});

const fields = (embed: APIEmbed | undefined) => Object.fromEntries((embed?.fields ?? []).map((field) => [field.name, field.value]));

describe('prompt views', () => {
  it('every prompt of the real bundle fits one embed, with follow-ups, section and linked sources', async () => {
    const content = new Content(await loadBundleOrThrow('content'));
    for (const prompt of content.prompts.values()) {
      const view = promptPostView(cardFor(content, prompt));
      const [embed] = view.embeds ?? [];
      if (!embed) throw new Error('no embed');
      expect(embedLength(embed)).toBeLessThanOrEqual(limits.embedTotal);
      for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(limits.embedField);
      expect(Object.keys(fields(embed))).toEqual(['Follow-up questions', 'Related section', 'Sources']);
      expect(fields(embed).Sources).toMatch(/^\[.+\]\(https?:\/\/\S+\)/);
      expect(view.allowedMentions).toEqual({ parse: [] });
      expect(prompt.title.length).toBeLessThanOrEqual(limits.threadName);
    }
  });

  it('status links the last post and its thread, and shows missed slots and the last error', () => {
    const view = statusView(
      GUILD,
      statusOf({
        lastPost: {
          slot: '2025-03-24T16:00:00.000Z',
          promptId: 'p',
          channelId: CHANNEL,
          state: 'posted',
          at: '2025-03-24T16:00:01.000Z',
          messageId: '300000000000000001',
          threadId: '400000000000000001',
        },
        missed: { count: 2, latest: '2025-03-17T16:00:00.000Z' },
        lastError: {
          at: '2025-03-24T16:00:02.000Z',
          stage: 'thread',
          kind: 'missing-permissions',
          code: 50013,
          message: 'Missing Permissions',
        },
      }),
      new Date('2025-03-25T00:00:00Z'),
    );
    const shown = fields(view.embeds?.[0]);
    expect(shown['Last post']).toContain(`https://discord.com/channels/${GUILD}/${CHANNEL}/300000000000000001`);
    expect(shown['Last post']).toContain('<#400000000000000001>');
    expect(shown.Missed).toMatch(/^2 posts skipped/);
    expect(shown['Last error']).toMatch(/thread could not be created: Scratchpad lacks a permission.*\(Discord error 50013\)/);
    expect(shown['Next post']).toContain(`<t:${Date.parse('2025-03-31T15:00:00Z') / 1000}:F>`);
    expect(view.allowedMentions).toEqual({ parse: [] });
  });

  it('status says when a post was claimed but never confirmed, and why a schedule is paused', () => {
    const stuck = statusView(
      GUILD,
      statusOf({
        state: 'paused',
        pausedReason: 'Paused after 3 failed posts in a row: the channel no longer exists or Scratchpad cannot see it.',
        lastPost: { slot: '2025-03-24T16:00:00.000Z', promptId: 'p', channelId: CHANNEL, state: 'posting', at: '2025-03-24T16:00:00.000Z' },
      }),
      new Date('2025-03-24T17:00:00Z'),
    );
    const shown = fields(stuck.embeds?.[0]);
    expect(shown['Last post']).toMatch(/never confirmed.*not retried, to never post twice/);
    expect(shown.State).toMatch(/^Paused\. Paused after 3 failed posts in a row: the channel no longer exists/);
  });

  it('post-now explains a failure with its Discord code', () => {
    const view = postNowView(
      GUILD,
      CHANNEL,
      { ok: false, error: new PostError('missing-permissions', 'Missing Permissions', 50013), paused: false },
      undefined,
    );
    expect(view.content).toMatch(/Nothing was posted in <#200000000000000001>: Scratchpad lacks a permission.*\(Discord error 50013\)/);
  });
});
