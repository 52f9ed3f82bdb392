import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../src/store/store.js';

/** The same store suite runs on every backend; Redis is the real server on 127.0.0.1:6379, never a mock. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const backends = [
  { name: 'memory', url: () => 'memory://' },
  { name: 'sqlite', url: () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'scratchpad-')), 'store.sqlite')}` },
  { name: 'redis', url: () => REDIS_URL },
] as const;

let counter = 0;
/** A prefix no other run uses, so tests on the shared Redis never see each other's keys. */
export const uniquePrefix = () => `test-${process.pid}-${Date.now()}-${counter++}`;

/** Stores a test opens on one backend, each closed after the test (or earlier, to reopen it). */
export function trackedStores(url: () => string) {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  return {
    open: async (storeUrl = url(), prefix = uniquePrefix()) => {
      const store = await openStore(storeUrl, pino({ level: 'silent' }), prefix);
      opened.push(store);
      return store;
    },
    close: async (store: Store) => {
      opened.splice(opened.indexOf(store), 1);
      await store.close();
    },
  };
}
