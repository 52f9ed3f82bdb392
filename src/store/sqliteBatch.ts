import sqlite3 from 'sqlite3';
import { keyvKey, type RecordBatch } from './batch.js';
import { groupedWrites, type Rows } from './groupedWrites.js';
import type { RecordCache } from './recordCache.js';

/** keyv's own table (@keyv/sqlite creates it the same way), which the batch shares with it. */
const TABLE = 'keyv';
const CREATE = `CREATE TABLE IF NOT EXISTS ${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT )`;
const SELECT = `SELECT key, value FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`;
const upsertOf = (rows: number) =>
  `INSERT INTO ${TABLE} (key, value) VALUES ${Array.from({ length: rows }, () => '(?, ?)').join(', ')} ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
/** Writes of up to this many rows (a quiz answer writes two or three) reuse a prepared statement. */
const PREPARED_ROWS = 8;

export interface SqliteBatch extends RecordBatch {
  /** Any statement on the batch's own connection, e.g. a per-connection PRAGMA such as query_only. */
  query(sql: string, ...parameters: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

const settle =
  <T>(resolve: (value: T) => void, reject: (err: Error) => void) =>
  (err: Error | null, value?: T) =>
    err ? reject(err) : resolve(value as T);

/**
 * The batch's own connection to the SQLite file, through sqlite3 itself rather than keyv's adapter: keyv's adapter
 * prepares, runs and finalizes every statement, three trips to the thread pool, where a prepared statement is one
 * (about 60 against 20 µs of CPU a call). Every namespace shares keyv's table; one SELECT reads them all, one
 * multi-row upsert (atomic) writes them, and writes that arrive while one is in flight share the next statement
 * (groupedWrites.ts). WAL and synchronous=NORMAL as backend.ts sets them for keyv's connections.
 */
export function sqliteBatch(path: string, remembered: RecordCache): SqliteBatch {
  const opened = new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(path, (err) => (err ? reject(err) : resolve(db)));
  }).then(async (db) => {
    db.configure('busyTimeout', 10_000);
    const run = (sql: string) => new Promise<void>((resolve, reject) => db.run(sql, settle(resolve, reject)));
    // A read-only database keeps its defaults; failures that matter surface on first use.
    await run('PRAGMA journal_mode = WAL').catch(() => {});
    await run('PRAGMA synchronous = NORMAL').catch(() => {});
    await run(CREATE);
    return db;
  });
  opened.catch(() => {}); // surfaces on first use, as a StoreUnavailableError naming the read or write
  const statements = new Map<string, Promise<sqlite3.Statement>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = opened.then(
        (db) =>
          new Promise<sqlite3.Statement>((resolve, reject) => {
            const made = db.prepare(sql, (err) => (err ? reject(err) : resolve(made)));
          }),
      );
      statements.set(sql, statement);
      statement.catch(() => statements.delete(sql));
    }
    return statement;
  };
  const upsert = groupedWrites(async (rows: Rows) => {
    const parameters = rows.flat();
    if (rows.length <= PREPARED_ROWS) {
      const statement = await prepared(upsertOf(rows.length));
      await new Promise<void>((resolve, reject) => statement.run(parameters, settle(resolve, reject)));
      return;
    }
    const db = await opened;
    await new Promise<void>((resolve, reject) => db.run(upsertOf(rows.length), parameters, settle(resolve, reject)));
  });
  return {
    remembered,
    async read(refs) {
      const keys = refs.map(keyvKey);
      const statement = await prepared(SELECT);
      const rows = await new Promise<{ key: string; value: string }[]>((resolve, reject) =>
        statement.all([JSON.stringify(keys)], settle(resolve, reject)),
      );
      const found = new Map(rows.map((row) => [row.key, row.value]));
      return keys.map((key) => found.get(key));
    },
    write: (entries) => upsert(entries.map((entry) => [keyvKey(entry), entry.stored] as const)),
    async query(sql, ...parameters) {
      const db = await opened;
      return new Promise<unknown[]>((resolve, reject) => db.all(sql, parameters, settle(resolve, reject)));
    },
    async close() {
      const made = await Promise.allSettled(statements.values());
      await Promise.all(
        made.flatMap((result) => (result.status === 'fulfilled' ? [new Promise((resolve) => result.value.finalize(resolve))] : [])),
      );
      const db = await opened.catch(() => undefined);
      if (db) await new Promise<void>((resolve, reject) => db.close(settle(resolve, reject)));
    },
  };
}
