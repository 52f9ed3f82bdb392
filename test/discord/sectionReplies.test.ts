import type { JSONEncodable } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Content } from '../../src/content/content.js';
import { loadBundleOrThrow } from '../../src/content/loader.js';
import { sectionReply } from '../../src/discord/sectionReplies.js';
import type { MessageView } from '../../src/discord/views/parts.js';
import { sectionView } from '../../src/discord/views/summary.js';

let content: Content;
beforeAll(async () => {
  content = new Content(await loadBundleOrThrow('content'));
});

const json = (part: unknown) =>
  typeof (part as Partial<JSONEncodable<unknown>>).toJSON === 'function' ? (part as JSONEncodable<unknown>).toJSON() : part;
/** What discord.js sends for a view. */
const wire = (view: MessageView) => ({ ...view, embeds: view.embeds.map(json), components: view.components.map(json) });

describe('sectionReply', () => {
  it('sends exactly what the section view describes, for every section', () => {
    for (const section of content.bundle.sections)
      expect(wire(sectionReply(content, section))).toEqual(wire(sectionView(content, section)));
  });

  it('is built once per bundle: the same reply every time, already as API JSON', () => {
    const [section] = content.bundle.sections;
    if (!section) throw new Error('the bundle has no sections');
    const first = sectionReply(content, section);
    expect(sectionReply(content, section)).toBe(first);
    expect(first.components.every((row) => typeof (row as Partial<JSONEncodable<unknown>>).toJSON === 'function')).toBe(true);
    expect(json(first.components[0])).not.toHaveProperty('data');
  });
});
