import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteFile } from '../../src/store/sqliteFile.js';

const opened: SqliteFile[] = [];
const fileAt = () => {
  const path = join(mkdtempSync(join(tmpdir(), 'scratchpad-sqlite-')), 'store.sqlite');
  const file = new SqliteFile(path);
  opened.push(file);
  file.query('CREATE TABLE t(key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  return { file, path };
};
/** What another connection sees: only committed rows. */
function rows(path: string): unknown[] {
  const reader = new Database(path, { readonly: true });
  try {
    return reader.prepare('SELECT key, value FROM t ORDER BY key').all();
  } finally {
    reader.close();
  }
}

afterEach(() => {
  for (const file of opened.splice(0)) file.close();
});

describe('the SQLite file’s group commit', () => {
  it('commits the writes of one turn together, and settles each only once it is committed', async () => {
    const { file, path } = fileAt();
    const writes = ['a', 'b', 'c'].map((key) => file.write('INSERT INTO t (key, value) VALUES (?, ?)', key, key.toUpperCase()));
    // Nothing is committed before the turn ends: a reply waiting on a write cannot go out before its data is stored.
    expect(rows(path)).toEqual([]);
    await Promise.all(writes);
    expect(rows(path)).toEqual([
      { key: 'a', value: 'A' },
      { key: 'b', value: 'B' },
      { key: 'c', value: 'C' },
    ]);
  });

  it('gives a write that fails its own error and still commits the others of its turn', async () => {
    const { file, path } = fileAt();
    const good = file.write('INSERT INTO t (key, value) VALUES (?, ?)', 'a', 'A');
    const bad = file.write('INSERT INTO t (key, value) VALUES (?, ?)', 'b', null);
    const later = file.write('INSERT INTO t (key, value) VALUES (?, ?)', 'c', 'C');
    await expect(bad).rejects.toThrow(/NOT NULL/);
    await Promise.all([good, later]);
    expect(rows(path)).toEqual([
      { key: 'a', value: 'A' },
      { key: 'c', value: 'C' },
    ]);
  });

  it('commits what is pending when the file is closed', async () => {
    const { file, path } = fileAt();
    const write = file.write('INSERT INTO t (key, value) VALUES (?, ?)', 'a', 'A');
    file.close();
    await write;
    expect(rows(path)).toEqual([{ key: 'a', value: 'A' }]);
  });
});
