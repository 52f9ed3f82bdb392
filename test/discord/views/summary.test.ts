import { beforeAll, describe, expect, it } from 'vitest';
import { Content } from '../../../src/content/content.js';
import { limits } from '../../../src/content/limits.js';
import { loadBundleOrThrow } from '../../../src/content/loader.js';
import type { Section } from '../../../src/content/schema.js';
import { contentsView, sectionChoices, sectionView } from '../../../src/discord/views/summary.js';
import { body, componentsOf, expectFits } from './fits.js';

let content: Content;
beforeAll(async () => {
  content = new Content(await loadBundleOrThrow('content'));
});

describe('section views', () => {
  it('every section of the bundle fits one message, with paging, contents and quiz buttons', () => {
    for (const section of content.bundle.sections) {
      const view = sectionView(content, section);
      expectFits(view);
      expect(componentsOf(view).map((part) => part.custom_id)).toEqual([
        `summary:prev:${section.id}`,
        `summary:next:${section.id}`,
        'summary:toc',
        `summary:quiz:${section.id}`,
      ]);
    }
  });

  it('shows the text, key points and sources as links', () => {
    const [section] = content.bundle.sections;
    if (!section) throw new Error('no section');
    const [embed] = body(sectionView(content, section)).embeds;
    expect(embed?.description).toContain(section.body.slice(0, 50));
    expect(embed?.fields?.map((field) => field.name)).toEqual(['Key points', 'Sources']);
    expect(embed?.fields?.[1]?.value).toMatch(/\[.+\]\(https?:\/\/.+\)/);
  });

  it('keeps the embed under 6000 characters when a section uses its whole budget', () => {
    const [first] = content.bundle.sections;
    if (!first) throw new Error('no section');
    const huge: Section = { ...first, title: 'T'.repeat(80), body: 'B'.repeat(3800), keyPoints: Array(6).fill('K'.repeat(150)) };
    expectFits(sectionView(content, huge));
  });

  it('lists the contents with a menu of up to 25 sections', () => {
    const view = contentsView(content, '**nope** @everyone');
    expectFits(view);
    const [menu] = componentsOf(view);
    expect(menu?.options?.map((option) => option.value)).toEqual(content.bundle.sections.map((section) => section.id));
    expect(body(view).embeds[0]?.description).not.toMatch(/@everyone|\*\*nope/);
  });

  it('autocomplete choices fit Discord: at most 25, names and values at most 100', () => {
    const many = Array.from(
      { length: 30 },
      (_, index) => ({ ...content.bundle.sections[0], order: index + 1, title: 'X'.repeat(80) }) as Section,
    );
    const choices = sectionChoices(many.slice(0, limits.choices));
    expect(choices).toHaveLength(25);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });
});
