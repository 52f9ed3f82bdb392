import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageRecord } from '../../testkit/index.js';

/** Reading what the bot posted, as end-to-end tests look at it: components, embeds and their fields. */
export interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  options?: { label: string; value: string }[];
  components?: Component[];
}
export interface Embed {
  title?: string;
  url?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  image?: { url: string };
}

/** The buttons and menus of a message, its rows flattened. */
export const componentsOf = (message: MessageRecord) => (message.components as Component[]).flatMap((row) => row.components ?? []);

/** Every custom_id on a message, in order. */
export const customIdsOf = (message: MessageRecord): string[] => componentsOf(message).map((part) => part.custom_id ?? '');

const matches = (part: Component, match: RegExp | string) =>
  typeof match === 'string' ? (part.custom_id ?? '').startsWith(match) : match.test(part.label ?? '') || match.test(part.custom_id ?? '');

/** The custom_id of the component at an index, of the first starting with a prefix, or whose label or custom_id matches. */
export function componentId(message: MessageRecord, match: RegExp | string | number): string {
  const all = componentsOf(message);
  const found = typeof match === 'number' ? all[match] : all.find((part) => matches(part, match));
  if (!found?.custom_id)
    throw new Error(`no component ${match} on message ${message.id}: ${all.map((p) => p.label ?? p.custom_id).join(', ')}`);
  return found.custom_id;
}

export const embedOf = (message: Pick<MessageRecord, 'embeds'>) => message.embeds[0] as Embed;
export const titleOf = (message: Pick<MessageRecord, 'embeds'>): string => embedOf(message)?.title ?? '';

/** The value of the first embed's field with this name (or a name matching the pattern). */
export const fieldOf = (message: Pick<MessageRecord, 'embeds'>, name: string | RegExp) =>
  embedOf(message).fields?.find((field) => (typeof name === 'string' ? field.name === name : name.test(field.name)))?.value;

/** A fresh SQLite store URL in its own temporary folder. */
export const sqliteUrl = (prefix = 'scratchpad-e2e-') => `sqlite://${join(mkdtempSync(join(tmpdir(), prefix)), 'store.sqlite')}`;
