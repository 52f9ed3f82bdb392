import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { StoreUnavailableError } from '../../src/store/backend.js';
import { openStore, type Store } from '../../src/store/store.js';
import { backends, uniquePrefix } from './backends.js';
import { startRedisServer } from './redisServer.js';

const CounterSchema = z.object({ v: z.literal(1), count: z.int().min(0) });
const silent = pino({ level: 'silent' });

describe.each(backends)('store on $name', ({ name, url }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  const open = async (storeUrl = url(), prefix = uniquePrefix()) => {
    store = await openStore(storeUrl, silent, prefix);
    return store;
  };

  it(`[${name}] writes, reads and deletes a record`, async () => {
    const counters = (await open()).repository('counters', CounterSchema);
    expect(await counters.get('a')).toBeUndefined();
    await counters.set('a', { v: 1, count: 3 });
    expect(await counters.get('a')).toEqual({ v: 1, count: 3 });
    await counters.delete('a');
    expect(await counters.get('a')).toBeUndefined();
  });

  it(`[${name}] serializes 500 concurrent updates of one key without losing one`, async () => {
    const counters = (await open()).repository('counters', CounterSchema);
    await Promise.all(
      Array.from({ length: 500 }, () => counters.update('member', (current) => ({ v: 1, count: (current?.count ?? 0) + 1 }))),
    );
    expect(await counters.get('member')).toEqual({ v: 1, count: 500 });
  });

  it(`[${name}] writes nothing when an update hands back the record it read`, async () => {
    const counters = (await open()).repository('counters', CounterSchema);
    await counters.set('a', { v: 1, count: 1 });
    const keyv = (counters as unknown as { keyv: { set: (...args: unknown[]) => Promise<boolean> } }).keyv;
    const writes = vi.spyOn(keyv, 'set');
    expect(await counters.update('a', (current) => current ?? { v: 1, count: 0 })).toEqual({ v: 1, count: 1 });
    expect(writes).not.toHaveBeenCalled();
    await counters.update('a', (current) => ({ v: 1, count: (current?.count ?? 0) + 1 }));
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it(`[${name}] lists only its own namespace`, async () => {
    const opened = await open();
    const counters = opened.repository('counters', CounterSchema);
    const others = opened.repository('others', CounterSchema);
    await counters.set('a', { v: 1, count: 1 });
    await counters.set('b', { v: 1, count: 2 });
    await others.set('c', { v: 1, count: 3 });
    const listed = [];
    for await (const entry of counters.entries()) listed.push(entry);
    expect(listed.sort()).toEqual([
      ['a', { v: 1, count: 1 }],
      ['b', { v: 1, count: 2 }],
    ]);
  });

  it(`[${name}] keeps a record that no longer parses aside instead of wiping it`, async () => {
    const opened = await open();
    const loose = opened.repository('counters', z.unknown());
    await loose.set('broken', { v: 1, count: 'many' });
    const counters = opened.repository('counters', CounterSchema);
    expect(await counters.get('broken')).toBeUndefined();
    const kept = await opened.quarantined.get(`${counters.namespace}/broken`);
    expect(kept?.raw).toEqual({ v: 1, count: 'many' });
    expect(kept?.reason).toContain('count');
  });

  it(`[${name}] refuses to write an invalid record`, async () => {
    const counters = (await open()).repository('counters', CounterSchema);
    await expect(counters.set('a', { v: 1, count: -1 })).rejects.toThrow();
    expect(await counters.get('a')).toBeUndefined();
  });

  if (name !== 'memory') {
    it(`[${name}] finds everything again after closing and reopening`, async () => {
      const storeUrl = url();
      const prefix = uniquePrefix();
      const first = await open(storeUrl, prefix);
      await first.repository('counters', CounterSchema).set('kept', { v: 1, count: 7 });
      await first.close();
      const second = await open(storeUrl, prefix);
      expect(await second.repository('counters', CounterSchema).get('kept')).toEqual({ v: 1, count: 7 });
    });
  }
});

describe('store on redis when the server goes away', () => {
  it('[redis] fails start-up with a clear error instead of hanging', async () => {
    await expect(openStore('redis://127.0.0.1:1', silent, uniquePrefix())).rejects.toThrow();
  });

  it('[redis] answers StoreUnavailableError while Redis is down and recovers when it is back', async () => {
    const redis = await startRedisServer();
    const store = await openStore(redis.url, silent, uniquePrefix());
    try {
      const counters = store.repository('counters', CounterSchema);
      await counters.set('a', { v: 1, count: 1 });
      await redis.stop();
      await expect(counters.update('a', () => ({ v: 1, count: 2 }))).rejects.toBeInstanceOf(StoreUnavailableError);
      await redis.start();
      await vi.waitFor(
        async () => {
          await counters.set('b', { v: 1, count: 5 });
        },
        { timeout: 10_000, interval: 100 },
      );
      expect(await counters.get('b')).toEqual({ v: 1, count: 5 });
    } finally {
      await store.close();
      await redis.stop();
    }
  });
});
