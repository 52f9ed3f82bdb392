import Database from 'better-sqlite3';
import { keyvKey, type RecordBatch } from './batch.js';
import type { RecordCache } from './recordCache.js';

/** keyv's own table (@keyv/sqlite creates it the same way), which the batch shares with it. */
const TABLE = 'keyv';
const CREATE = `CREATE TABLE IF NOT EXISTS ${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT )`;
const SELECT = `SELECT key, value FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`;
const upsertOf = (rows: number) =>
  `INSERT INTO ${TABLE} (key, value) VALUES ${Array.from({ length: rows }, () => '(?, ?)').join(', ')} ON CONFLICT(key) DO UPDATE SET value = excluded.value`;

export interface SqliteBatch extends RecordBatch {
  /** Any statement on the batch's own connection, e.g. a per-connection PRAGMA such as query_only. */
  query(sql: string, ...parameters: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * The batch's own connection to the SQLite file, through better-sqlite3 rather than keyv's adapter (sqlite3): a
 * statement runs on the calling thread, where sqlite3 hands each one to the thread pool and back. A quiz answer's
 * write of two or three rows cost about 100 µs of CPU that way and costs about 25 µs here, and a commit in WAL mode
 * with synchronous=NORMAL is an append that never waits on the disk. Every namespace shares keyv's table; one
 * SELECT reads them all, one multi-row upsert writes them. WAL and synchronous=NORMAL as backend.ts sets them for keyv's
 * connections. Opening is deferred to the first use, so a file that cannot be opened fails the read or write that
 * needed it (a StoreUnavailableError naming it), as the keyv adapters do.
 */
export function sqliteBatch(path: string, remembered: RecordCache): SqliteBatch {
  let connection: ReturnType<typeof prepared> | undefined;
  const db = () => {
    connection ??= open(path);
    return connection;
  };
  return {
    remembered,
    async read(refs) {
      const keys = refs.map(keyvKey);
      const rows = db().select.all(JSON.stringify(keys)) as { key: string; value: string }[];
      const found = new Map(rows.map((row) => [row.key, row.value]));
      return keys.map((key) => found.get(key));
    },
    async write(entries) {
      if (entries.length > 0)
        db()
          .upsert(entries.length)
          .run(entries.flatMap((entry) => [keyvKey(entry), entry.stored]));
    },
    async query(sql, ...parameters) {
      const statement = db().database.prepare(sql);
      if (statement.reader) return statement.all(...parameters);
      statement.run(...parameters);
      return [];
    },
    async close() {
      connection?.database.close();
    },
  };
}

function open(path: string) {
  const database = new Database(path, { timeout: 10_000 });
  try {
    return prepared(database);
  } catch (err) {
    database.close();
    throw err;
  }
}

function prepared(database: Database.Database) {
  // A read-only database keeps its defaults; failures that matter surface on first use.
  for (const pragma of ['journal_mode = WAL', 'synchronous = NORMAL']) {
    try {
      database.pragma(pragma);
    } catch {}
  }
  database.exec(CREATE);
  // One statement per number of rows (a quiz answer writes two or three), prepared once: a single statement is
  // atomic without a transaction around it.
  const upserts = new Map<number, Database.Statement>();
  return {
    database,
    select: database.prepare(SELECT),
    upsert(rows: number) {
      let statement = upserts.get(rows);
      if (statement === undefined) {
        statement = database.prepare(upsertOf(rows));
        upserts.set(rows, statement);
      }
      return statement;
    },
  };
}
