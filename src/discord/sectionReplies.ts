import type { Content } from '../content/content.js';
import type { Section } from '../content/schema.js';
import { asApiJson } from './apiJson.js';
import type { MessageView } from './views/parts.js';
import { sectionView } from './views/summary.js';

/**
 * Each section's reading view depends on the bundle only, so it is built once per bundle, already as API JSON
 * (asApiJson): discord.js then sends it as it is instead of building the embed and the buttons again and validating
 * each builder on every /summary and every page turn (which cost /summary more CPU than the bare client's whole
 * reply).
 */
const byBundle = new WeakMap<Content, ReadonlyMap<string, MessageView>>();

/** The reading view of a section, built with every other section's the first time this bundle is asked for one. */
export function sectionReply(content: Content, section: Section): MessageView {
  let views = byBundle.get(content);
  if (!views) {
    views = new Map(content.bundle.sections.map((each) => [each.id, asApiJson(sectionView(content, each))]));
    byBundle.set(content, views);
  }
  return views.get(section.id) ?? sectionView(content, section);
}
