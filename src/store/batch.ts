import type { RedisClientType } from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import { deserialize, serialize } from './codec.js';
import { groupedWrites, type Rows } from './groupedWrites.js';
import { ABSENT, type RecordCache } from './recordCache.js';

/** A record's place: its namespace and its key within it, as a Repository names them. */
export interface RecordRef {
  readonly namespace: string;
  readonly key: string;
}

/**
 * Records of several namespaces read in one round trip and written in one atomic step, in exactly the stored
 * form keyv reads and writes (its key prefixes, `{ value }` through codec.ts), so keyv and a batch see the same
 * records. A quiz answer touches the member's session, progress and maybe the guild's member list: one backend
 * call each way instead of one per record, which on SQLite (a thread-pool hop per call) was most of its CPU.
 */
export interface RecordBatch {
  /** The stored values, undefined where a record is absent (or expired, as keyv would treat it). */
  read(refs: readonly RecordRef[]): Promise<unknown[]>;
  /** All written, or none. */
  write(entries: readonly (RecordRef & { readonly value: unknown })[]): Promise<void>;
  /** Tells the batch a record was written or deleted another way (through keyv). */
  forget(ref: RecordRef): void;
}

/** keyv stores `namespace:key` in its adapter (useKeyPrefix). */
const keyvKey = ({ namespace, key }: RecordRef) => `${namespace}:${key}`;
const stored = (value: unknown) => serialize({ value });

function unwrap(raw: unknown): unknown {
  if (typeof raw !== 'string') return undefined;
  const data = deserialize<{ value: unknown; expires?: number | null }>(raw);
  return typeof data.expires === 'number' && Date.now() > data.expires ? undefined : data.value;
}

/** The memory backend's per-namespace maps, as keyv's Map store holds them; one process, so no await between steps. */
export function memoryBatch(mapFor: (namespace: string) => Map<string, unknown>): RecordBatch {
  return {
    forget: () => {},
    read: async (refs) => refs.map((ref) => unwrap(mapFor(ref.namespace).get(keyvKey(ref)))),
    write: async (entries) => {
      for (const entry of entries) mapFor(entry.namespace).set(keyvKey(entry), stored(entry.value));
    },
  };
}

/**
 * Every namespace shares the adapter's table; one SELECT reads them all, one multi-row upsert (atomic) writes them.
 * What this process read or wrote last is remembered (recordCache.ts: it is the file's only writer), so a quiz
 * answer, whose session and progress /quiz start or the answer before read or wrote, costs one call: its write.
 */
export function sqliteBatch(adapter: KeyvSqlite, cache: RecordCache): RecordBatch {
  const table = adapter.opts.table;
  const upsert = groupedWrites(async (rows: Rows) => {
    await adapter.query(
      `INSERT INTO ${table} (key, value) VALUES ${rows.map(() => '(?, ?)').join(', ')} ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ...rows.flat(),
    );
  });
  return {
    async read(refs) {
      const keys = refs.map(keyvKey);
      const known = keys.map((key) => cache.lookup(key));
      const missing = keys.filter((_, i) => known[i] === undefined);
      if (missing.length > 0) {
        const rows = (await adapter.query(
          `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`,
          JSON.stringify(missing),
        )) as { key: string; value: string }[];
        const found = new Map(rows.map((row) => [row.key, row.value]));
        for (const key of missing) cache.remember(key, found.get(key) ?? ABSENT);
        keys.forEach((key, i) => {
          if (known[i] === undefined) known[i] = found.get(key) ?? ABSENT;
        });
      }
      return known.map((raw) => unwrap(raw ?? undefined));
    },
    async write(entries) {
      if (entries.length === 0) return;
      const rows = entries.map((entry) => [keyvKey(entry), stored(entry.value)] as const);
      try {
        await upsert(rows);
      } catch (err) {
        for (const [key] of rows) cache.forget(key);
        throw err;
      }
      for (const [key, raw] of rows) cache.remember(key, raw);
    },
    forget: (ref) => cache.forget(keyvKey(ref)),
  };
}

/** @keyv/redis puts its own `namespace::` before the key keyv hands it. MSET is atomic. */
export function redisBatch(client: RedisClientType): RecordBatch {
  const redisKey = (ref: RecordRef) => `${ref.namespace}::${keyvKey(ref)}`;
  return {
    forget: () => {},
    async read(refs) {
      if (refs.length === 0) return [];
      const values = await client.mGet(refs.map(redisKey));
      return values.map((value) => unwrap(value ?? undefined));
    },
    async write(entries) {
      if (entries.length === 0) return;
      await client.mSet(entries.map((entry) => [redisKey(entry), stored(entry.value)] as [string, string]));
    },
  };
}
