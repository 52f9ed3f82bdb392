import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import type { KeyvStoreAdapter } from 'keyv';

/**
 * The bot's SQLite file, through better-sqlite3 and one connection for the whole process: keyv's namespaces, the
 * quiz's batch (sqliteBatch.ts) and the claims table (claims.ts) share it. better-sqlite3 runs a statement on the
 * calling thread; sqlite3 (what @keyv/sqlite is built on) hands every statement to the thread pool and back, which
 * cost a quiz answer's two-row write about 100 µs of CPU against about 15 µs here. All of it goes through this one
 * library on purpose: two copies of SQLite in one process must never open the same file, since neither sees the
 * other's locks (sqlite.org/howtocorrupt.html, 2.2.1) — the kill -9 soak found the file malformed when the batch
 * used better-sqlite3 beside @keyv/sqlite. WAL with synchronous=NORMAL: a commit survives the process being killed
 * (kill -9); only an OS crash or power loss can drop the last few, the usual trade for a 4× faster write.
 * The file opens on first use, so a path that cannot be opened fails the read or write that needed it.
 */
export class SqliteFile {
  private connection: Database.Database | undefined;
  private readonly statements = new Map<string, Database.Statement>();
  private pending: PendingWrite[] = [];

  constructor(private readonly path: string) {}

  /**
   * Runs a write in the next group commit: the writes that arrive in one turn of the event loop (a burst of quiz
   * answers) share one transaction, so they pay for one commit's WAL append and syscalls instead of one each. Each
   * caller's promise settles when its write is committed, never before, so a reply sent after it stays true after a
   * kill -9. If the shared transaction fails, each write is tried again alone and meets its own fate.
   */
  write(sql: string, ...parameters: unknown[]): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.commit());
      this.pending.push({ sql, parameters, resolve, reject });
    });
  }

  /** A statement prepared once per SQL text (the texts are a fixed few per table). */
  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.database().prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Any statement, e.g. a PRAGMA: the rows it returns, if it returns any. */
  query(sql: string, ...parameters: unknown[]): unknown[] {
    const statement = this.statement(sql);
    if (statement.reader) return statement.all(...parameters);
    statement.run(...parameters);
    return [];
  }

  close(): void {
    this.commit();
    this.connection?.close();
    this.connection = undefined;
    this.statements.clear();
  }

  private commit(): void {
    const group = this.pending;
    this.pending = [];
    // One write alone commits by itself; BEGIN and COMMIT around it would only add two statements.
    if (group.length <= 1) {
      for (const write of group) this.runAlone(write);
      return;
    }
    try {
      this.database().transaction(() => {
        for (const { sql, parameters } of group) this.statement(sql).run(...parameters);
      })();
      for (const { resolve } of group) resolve();
    } catch {
      for (const write of group) this.runAlone(write);
    }
  }

  private runAlone({ sql, parameters, resolve, reject }: PendingWrite): void {
    try {
      this.statement(sql).run(...parameters);
      resolve();
    } catch (error) {
      reject(error);
    }
  }

  private database(): Database.Database {
    if (this.connection === undefined) {
      const database = new Database(this.path, { timeout: 10_000 });
      // A read-only database keeps its defaults; failures that matter surface on first use.
      for (const pragma of ['journal_mode = WAL', 'synchronous = NORMAL']) {
        try {
          database.pragma(pragma);
        } catch {}
      }
      this.connection = database;
    }
    return this.connection;
  }
}

interface PendingWrite {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** A table of the file as keyv's storage adapter: `key` (keyv's `namespace:key`) → `value`, as @keyv/sqlite lays it out. */
export class SqliteStore extends EventEmitter implements KeyvStoreAdapter {
  /** keyv lists only stores whose dialect it knows to iterate. */
  readonly opts: { readonly dialect: 'sqlite'; readonly table: string; readonly url: string };
  namespace?: string | undefined;
  private created = false;

  constructor(
    private readonly file: SqliteFile,
    table = 'keyv',
  ) {
    super();
    this.opts = { dialect: 'sqlite', table, url: 'sqlite' };
  }

  /** Runs `sql` with `{table}` replaced by this store's table, creating the table on first use. */
  query(sql: string, ...parameters: unknown[]): unknown[] {
    return this.file.query(this.onTable(sql), ...parameters);
  }

  /** A write of `sql` on this store's table in the file's next group commit (see SqliteFile.write). */
  write(sql: string, ...parameters: unknown[]): Promise<void> {
    return this.file.write(this.onTable(sql), ...parameters);
  }

  private onTable(sql: string): string {
    const { table } = this.opts;
    if (!this.created) {
      this.file.query(`CREATE TABLE IF NOT EXISTS ${table}(key VARCHAR(255) PRIMARY KEY, value TEXT )`);
      this.created = true;
    }
    return sql.replaceAll('{table}', table);
  }

  async get<Value>(key: string): Promise<Value | undefined> {
    const [row] = this.query('SELECT value FROM {table} WHERE key = ?', key) as { value: Value }[];
    return row?.value;
  }

  async getMany<Value>(keys: string[]): Promise<(Value | undefined)[]> {
    const rows = this.query('SELECT key, value FROM {table} WHERE key IN (SELECT value FROM json_each(?))', JSON.stringify(keys));
    const found = new Map((rows as { key: string; value: Value }[]).map((row) => [row.key, row.value]));
    return keys.map((key) => found.get(key));
  }

  async set(key: string, value: unknown): Promise<void> {
    this.query('INSERT INTO {table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', key, value);
  }

  async has(key: string): Promise<boolean> {
    return this.query('SELECT 1 FROM {table} WHERE key = ?', key).length > 0;
  }

  async delete(key: string): Promise<boolean> {
    return this.query('DELETE FROM {table} WHERE key = ? RETURNING key', key).length > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return this.query('DELETE FROM {table} WHERE key IN (SELECT value FROM json_each(?)) RETURNING key', JSON.stringify(keys)).length > 0;
  }

  async clear(): Promise<void> {
    this.query('DELETE FROM {table} WHERE key LIKE ?', this.namespace ? `${this.namespace}:%` : '%');
  }

  /**
   * The namespace's entries a page at a time, in key order from after the last key seen: a caller may read and write
   * between pages (one connection cannot step a query and run another at once). The namespace is a key range
   * (`ns:` up to `ns;`, the next character), which the primary key's index serves; a LIKE pattern would scan the
   * whole table for every page.
   */
  async *iterator(namespace?: string): AsyncGenerator<[string, string], void> {
    const [from, to] = namespace ? [`${namespace}:`, `${namespace};`] : ['', '\u{10FFFF}'];
    let after = from;
    for (;;) {
      const page = this.query(
        'SELECT key, value FROM {table} WHERE key > ? AND key >= ? AND key < ? ORDER BY key LIMIT 100',
        after,
        from,
        to,
      ) as { key: string; value: string }[];
      for (const row of page) yield [row.key, row.value];
      const last = page.at(-1);
      if (last === undefined) return;
      after = last.key;
    }
  }

  /** The file is shared: the backend closes it. */
  async disconnect(): Promise<void> {}
}
