import type { JSONEncodable } from 'discord.js';
import type { MessageView } from './views/parts.js';

/**
 * A view as discord.js sends it without more work: discord.js walks a plain embed or row object through its
 * camelCase → snake_case transformer (lodash's snakeCase on every key) on every send, and sends anything with a
 * `toJSON()` as that method returns it. Our views are written as API JSON already, so their embeds and rows are
 * wrapped; a builder among them is turned into JSON once, here.
 */
const encoded = <T>(json: T): JSONEncodable<T> => ({ toJSON: () => json });

/** A builder's JSON, or the API object itself. */
const toApi = (component: unknown) =>
  typeof (component as Partial<JSONEncodable<unknown>>).toJSON === 'function' ? (component as JSONEncodable<unknown>).toJSON() : component;

export function asApiJson(view: MessageView): MessageView {
  return {
    ...view,
    embeds: view.embeds.map((embed) => encoded(toApi(embed))),
    components: view.components.map((row) => encoded(toApi(row))),
  } as MessageView;
}
