import { beforeAll, describe, expect, it } from 'vitest';
import { Content } from '../../../src/content/content.js';
import { loadBundleOrThrow } from '../../../src/content/loader.js';
import type { ClaimDecision } from '../../../src/content/search.js';
import { claimCardView, claimView, notCoveredView } from '../../../src/discord/views/claim.js';
import { body, componentsOf, expectFits } from './fits.js';

let content: Content;
beforeAll(async () => {
  content = new Content(await loadBundleOrThrow('content'));
});

const answered = (query: string, index = 0) => {
  const claims = content.bundle.claims;
  const item = claims[index];
  if (!item) throw new Error('no claim');
  const alternatives = claims.filter((claim) => claim.id !== item.id).slice(0, 4);
  return { query, match: { item, score: 10 }, alternatives: alternatives.map((claim) => ({ item: claim, score: 5 })), related: [] };
};

describe('claim views', () => {
  it('every card fits, with its verdict badge, explanation and evidence linked to sources', () => {
    content.bundle.claims.forEach((claim, index) => {
      const view = claimView(content, answered('x'.repeat(300), index));
      expectFits(view);
      const description = body(view).embeds[0]?.description ?? '';
      expect(description).toMatch(/\*\*(✅ Supported|⚖️ Contested|⚠️ Misleading|❌ Unsupported|❓ Open question)\*\*/);
      expect(description).toMatch(/\]\(https?:\/\//);
      expectFits(claimCardView(content, claim));
    });
  });

  it('offers up to four other close claims in a menu', () => {
    const [menu] = componentsOf(claimView(content, answered('what someone said')));
    expect(menu?.custom_id).toBe('claim:open');
    expect(menu?.options).toHaveLength(4);
  });

  it('shows the member’s text escaped: no mention, no markdown, however long', () => {
    const text = `@everyone <@123456789012345678> **loud** [link](https://evil.example) ${'long '.repeat(2000)}`;
    for (const view of [claimView(content, answered(text)), notCoveredView({ query: text, match: null, alternatives: [], related: [] })]) {
      expectFits(view);
      const description = body(view).embeds[0]?.description ?? '';
      expect(description).not.toMatch(/@everyone|<@\d+>/);
      expect(description).not.toMatch(/(?<!\\)\*\*loud/);
      expect(description).toContain('everyone');
    }
  });

  it('says plainly the bundle does not cover it and lists related sections', () => {
    const decision: ClaimDecision = { query: 'pizza', match: null, alternatives: [], related: content.bundle.sections.slice(0, 2) };
    const view = notCoveredView(decision);
    expectFits(view);
    const [embed] = body(view).embeds;
    expect(embed?.title).toBe('The study bundle does not cover this');
    expect(embed?.description).toContain('/summary section:');
    expect(view.components).toEqual([]);
  });
});
