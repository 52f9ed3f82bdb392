import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDecision } from '../../../src/content/claims/judge.js';
import { Content } from '../../../src/content/content.js';
import { loadBundleOrThrow } from '../../../src/content/loader.js';
import { claimCardView, claimReply } from '../../../src/discord/views/claim.js';
import { body, componentsOf, expectFits } from './fits.js';

let content: Content;
beforeAll(async () => {
  content = new Content(await loadBundleOrThrow('content'));
});

const answered = (query: string, index = 0, relation: 'same' | 'opposite' = 'same'): ClaimDecision => {
  const claims = content.bundle.claims;
  const claim = claims[index];
  if (!claim) throw new Error('no claim');
  const alternatives = claims.filter((other) => other.id !== claim.id).slice(0, 4);
  const [misreading] = claim.misreadings;
  const outcome =
    relation === 'opposite' && misreading
      ? { kind: 'verdict' as const, claim, verdict: misreading.verdict, relation, judged: misreading.text, why: misreading.note }
      : { kind: 'verdict' as const, claim, verdict: claim.verdict, relation: 'same' as const, judged: claim.claim, why: null };
  return { query, outcome, alternatives: alternatives.map((item) => ({ item, score: 5 })) };
};
const notCovered = (query: string, related = content.bundle.sections.slice(0, 0)): ClaimDecision => ({
  query,
  outcome: { kind: 'not-covered', related },
  alternatives: [],
});

describe('claim views', () => {
  it('every card fits, with its verdict badge, explanation and evidence linked to sources', () => {
    content.bundle.claims.forEach((claim, index) => {
      const view = claimReply(content, answered('x'.repeat(300), index));
      expectFits(view);
      expectFits(claimReply(content, answered('x'.repeat(300), index, 'opposite')));
      const description = body(view).embeds[0]?.description ?? '';
      expect(description).toMatch(/\*\*(✅ Supported|⚖️ Contested|⚠️ Misleading|❌ Unsupported|❓ Open question)\*\*/);
      expect(description).toMatch(/\]\(https?:\/\//);
      expectFits(claimCardView(content, claim));
    });
  });

  it('offers up to four other close claims in a menu', () => {
    const [menu] = componentsOf(claimReply(content, answered('what someone said')));
    expect(menu?.custom_id).toBe('claim:open');
    expect(menu?.options).toHaveLength(4);
  });

  it('shows the member’s text escaped: no mention, no markdown, however long', () => {
    const text = `@everyone <@123456789012345678> **loud** [link](https://evil.example) ${'long '.repeat(2000)}`;
    for (const view of [claimReply(content, answered(text)), claimReply(content, notCovered(text))]) {
      expectFits(view);
      const description = body(view).embeds[0]?.description ?? '';
      expect(description).not.toMatch(/@everyone|<@\d+>/);
      expect(description).not.toMatch(/(?<!\\)\*\*loud/);
      expect(description).toContain('everyone');
    }
  });

  it('says plainly the bundle does not cover it and lists related sections', () => {
    const view = claimReply(content, notCovered('pizza', content.bundle.sections.slice(0, 2)));
    expectFits(view);
    const [embed] = body(view).embeds;
    expect(embed?.title).toBe('The study bundle does not cover this');
    expect(embed?.description).toContain('/summary section:');
    expect(view.components).toEqual([]);
  });

  it('says what was judged when the member said the opposite of the card', () => {
    const index = content.bundle.claims.findIndex((claim) => claim.misreadings.length > 0);
    const view = claimReply(content, answered('what someone said', index, 'opposite'));
    const description = body(view).embeds[0]?.description ?? '';
    expect(description).toContain('says the opposite of the claim card');
    expect(description).toContain('**About what you quoted:**');
  });

  it('is unsure without a verdict, offering the candidate cards', () => {
    const candidates = content.bundle.claims.slice(0, 3);
    const view = claimReply(content, { query: 'hmm', outcome: { kind: 'unsure', candidates, asks: false }, alternatives: [] });
    expectFits(view);
    const [embed] = body(view).embeds;
    expect(embed?.title).toBe("I'm not sure which claim you mean");
    expect(embed?.description).not.toMatch(/\*\*(✅|⚖️|⚠️|❌|❓)/);
    expect(componentsOf(view)[0]?.options?.map((option) => option.value)).toEqual(candidates.map((claim) => claim.id));
  });

  it('says when a question asks for something instead of making a claim, still offering the closest cards', () => {
    const candidates = content.bundle.claims.slice(0, 2);
    const view = claimReply(content, {
      query: 'who founded redwood?',
      outcome: { kind: 'unsure', candidates, asks: true },
      alternatives: [],
    });
    expectFits(view);
    expect(body(view).embeds[0]?.title).toBe('That asks a question rather than making a claim');
    expect(componentsOf(view)[0]?.options).toHaveLength(2);
  });

  it('drops bidirectional controls from the quoted text', () => {
    const view = claimReply(content, notCovered('claude \u202elied\u202c about \u2066it\u2069'));
    expect(body(view).embeds[0]?.description).toMatch(/^> “claude lied about it”/);
  });
});
