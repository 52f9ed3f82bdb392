import { keyvKey, type RecordBatch } from './batch.js';
import type { RecordCache } from './recordCache.js';
import type { SqliteStore } from './sqliteFile.js';

const upserts: string[] = [];
/** The upsert of `rows` rows, written once per count. */
const upsertOf = (rows: number) =>
  (upserts[rows] ??=
    `INSERT INTO {table} (key, value) VALUES ${Array.from({ length: rows }, () => '(?, ?)').join(', ')} ON CONFLICT(key) DO UPDATE SET value = excluded.value`);

/**
 * The quiz's several records at once on the SQLite file, in keyv's own table (`store` is a keyv adapter of it): one
 * SELECT reads them all, one multi-row upsert writes them (a single statement is atomic, and prepared once per
 * number of rows: a quiz answer writes two or three), committed with the other answers of the same turn.
 */
export function sqliteBatch(store: SqliteStore, remembered: RecordCache): RecordBatch {
  return {
    remembered,
    read: (refs) => store.getMany<string>(refs.map(keyvKey)),
    async write(entries) {
      if (entries.length > 0) await store.write(upsertOf(entries.length), ...entries.flatMap((entry) => [keyvKey(entry), entry.stored]));
    },
  };
}
