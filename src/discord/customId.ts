import type { z } from 'zod';

/** Discord's limit on a component's custom_id. */
export const CUSTOM_ID_MAX = 100;
const SEPARATOR = ':';

/**
 * A typed custom_id: `<command>:<action>:<arg>:<arg>…`. Ids outlive the process and come back from users,
 * so they are encoded and decoded in one place; anything that does not decode is treated as expired.
 */
export interface CustomId<In, Out = In> {
  readonly prefix: string;
  encode(value: In): string;
  decode(raw: string): Out | undefined;
}

/** What a custom_id decodes to, for handlers written apart from their route: `Decoded<typeof answerId>`. */
export type Decoded<I> = I extends CustomId<never, infer Out> ? Out : never;

export function customId<S extends z.ZodObject>(prefix: string, schema: S): CustomId<z.input<S>, z.output<S>> {
  const fields = Object.keys(schema.shape);
  const encode = (value: z.input<S>) => {
    const args = fields.map((field) => String((value as Record<string, unknown>)[field] ?? ''));
    if (args.some((arg) => arg.includes(SEPARATOR))) throw new Error(`custom_id argument contains "${SEPARATOR}": ${prefix}`);
    const id = [prefix, ...args].join(SEPARATOR);
    if (id.length > CUSTOM_ID_MAX) throw new Error(`custom_id longer than ${CUSTOM_ID_MAX} characters: ${id}`);
    return id;
  };
  const decode = (raw: string) => {
    if (!raw.startsWith(prefix + SEPARATOR) && raw !== prefix) return undefined;
    const args = raw === prefix ? [] : raw.slice(prefix.length + 1).split(SEPARATOR);
    if (args.length !== fields.length) return undefined;
    const parsed = schema.safeParse(Object.fromEntries(fields.map((field, index) => [field, args[index]])));
    return parsed.success ? parsed.data : undefined;
  };
  return { prefix, encode, decode };
}

/** The routing prefix of a raw custom_id: its first two segments (`command:action`). */
export const prefixOf = (raw: string) => raw.split(SEPARATOR, 2).join(SEPARATOR);
