/**
 * How keyv writes a record: plain JSON behind a one-letter mark. keyv's default serializer (@keyv/serialize) walks
 * every value in JavaScript to escape strings that begin with ':' and to encode Buffers (no record here holds one),
 * several times the cost of the engine's JSON.stringify on a 25 KB progress record, and undoes it on every read
 * with a reviver. Records written before (no mark) are still read, their escaping undone.
 */
const MARK = 'J';

export function serialize(data: unknown): string {
  return MARK + JSON.stringify(data);
}

/** @keyv/serialize wrote a string value that began with ':' with a second ':' in front. */
const unescapeColon = (_key: string, value: unknown) => (typeof value === 'string' && value.startsWith(':') ? value.slice(1) : value);

export function deserialize<T>(raw: string): T {
  return (raw.startsWith(MARK) ? JSON.parse(raw.slice(MARK.length)) : JSON.parse(raw, unescapeColon)) as T;
}
