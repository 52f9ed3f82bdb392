import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
