import type { RedisClientType } from '@keyv/redis';
import { deserialize, serialize } from './codec.js';
import type { RecordCache } from './recordCache.js';

/** A record's place: its namespace and its key within it, as a Repository names them. */
export interface RecordRef {
  readonly namespace: string;
  readonly key: string;
}

/**
 * Records of several namespaces read in one round trip and written in one atomic step, in exactly the stored
 * form keyv reads and writes (its key prefixes, `{ value }` through codec.ts; see toStored), so keyv and a batch
 * see the same records. A quiz answer touches the member's session, progress and maybe the guild's member list:
 * one backend call each way instead of one per record.
 */
export interface RecordBatch {
  /** The stored strings, undefined where a record is absent. */
  read(refs: readonly RecordRef[]): Promise<(string | undefined)[]>;
  /** All written, or none. */
  write(entries: readonly (RecordRef & { readonly stored: string })[]): Promise<void>;
  /**
   * Present when this process is the backend's only writer, so what it last read or wrote of a record is what is
   * stored (together.ts keeps it; Repository forgets what it writes through keyv).
   */
  readonly remembered?: RecordCache;
  /**
   * For a backend other processes write too: records parsed from the stored strings this process last read or wrote,
   * each reused only when the string read back is the same, so an unchanged 25 KB progress record skips JSON and
   * zod while a record another process changed is parsed afresh (together.ts).
   */
  readonly parsed?: RecordCache;
}

/** keyv stores `namespace:key` in its adapter (useKeyPrefix); also the record's name in a RecordCache. */
export const keyvKey = ({ namespace, key }: RecordRef) => `${namespace}:${key}`;

/** A value as keyv stores it: `{ value }` (no expiry) through codec.ts. */
export const toStored = (value: unknown) => serialize({ value });

/** A stored string's value; undefined when absent or expired, as keyv would treat it. */
export function fromStored(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  const data = deserialize<{ value: unknown; expires?: number | null }>(raw);
  return typeof data.expires === 'number' && Date.now() > data.expires ? undefined : data.value;
}

/** The memory backend's per-namespace maps, as keyv's Map store holds them; one process, so no await between steps. */
export function memoryBatch(mapFor: (namespace: string) => Map<string, unknown>): RecordBatch {
  return {
    read: async (refs) =>
      refs.map((ref) => {
        const raw = mapFor(ref.namespace).get(keyvKey(ref));
        return typeof raw === 'string' ? raw : undefined;
      }),
    write: async (entries) => {
      for (const entry of entries) mapFor(entry.namespace).set(keyvKey(entry), entry.stored);
    },
  };
}

/** @keyv/redis puts its own `namespace::` before the key keyv hands it. MSET is atomic. */
export function redisBatch(client: RedisClientType, parsed: RecordCache): RecordBatch {
  const redisKey = (ref: RecordRef) => `${ref.namespace}::${keyvKey(ref)}`;
  return {
    parsed,
    async read(refs) {
      if (refs.length === 0) return [];
      return (await client.mGet(refs.map(redisKey))).map((raw) => raw ?? undefined);
    },
    async write(entries) {
      if (entries.length === 0) return;
      await client.mSet(entries.map((entry) => [redisKey(entry), entry.stored] as [string, string]));
    },
  };
}
