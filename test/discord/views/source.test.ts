import { beforeAll, describe, expect, it } from 'vitest';
import { Content } from '../../../src/content/content.js';
import { loadBundleOrThrow } from '../../../src/content/loader.js';
import {
  kindNames,
  sourceBrowserView,
  sourceChoices,
  sourceListView,
  sourceNotFoundView,
  sourceView,
} from '../../../src/discord/views/source.js';
import { body, componentsOf, expectFits } from './fits.js';

let content: Content;
beforeAll(async () => {
  content = new Content(await loadBundleOrThrow('content'));
});

describe('source views', () => {
  it('every source fits: linked title, by, date, kind, stance, role and what cites it', () => {
    for (const source of content.bundle.sources) {
      const view = sourceView(content, source);
      expectFits(view);
      const [embed] = body(view).embeds;
      expect(embed?.url).toBe(source.url);
      expect(embed?.description).toBe(source.note);
      expect(embed?.fields?.map((field) => field.name.replace(/ \(\d+\)$/, ''))).toEqual([
        'By',
        'Date',
        'Kind',
        'Stance',
        'Cited in sections',
        'Cited by claim cards',
      ]);
    }
  });

  it('browses by kind: a kind menu and a menu of that kind’s sources', () => {
    expectFits(sourceBrowserView(content));
    for (const kind of Object.keys(kindNames) as (keyof typeof kindNames)[]) {
      const view = sourceListView(content, kind);
      expectFits(view);
      const [kinds, sources] = componentsOf(view);
      expect(kinds?.custom_id).toBe('source:kind');
      const ofKind = content.bundle.sources.filter((source) => source.kind === kind);
      expect(sources?.options?.length ?? 0).toBe(Math.min(25, ofKind.length));
    }
  });

  it('says when nothing matches, escaping the query, and offers the nearest sources', () => {
    const nearest = content.bundle.sources.slice(0, 3);
    const view = sourceNotFoundView(`@everyone **${'x'.repeat(6000)}**`, nearest);
    expectFits(view);
    expect(body(view).embeds[0]?.description).not.toMatch(/@everyone/);
    expect(componentsOf(view)[0]?.options).toHaveLength(3);
  });

  it('autocomplete names fit in 100 characters', () => {
    for (const choice of sourceChoices(content.bundle.sources)) expect(choice.name.length).toBeLessThanOrEqual(100);
  });
});
