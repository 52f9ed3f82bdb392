import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/store/backend.js';
import { openStore, type Store } from '../../src/store/store.js';
import { backends, uniquePrefix } from './backends.js';
import { startRedisServer } from './redisServer.js';

const silent = pino({ level: 'silent' });
const HOUR = 3_600_000;

describe.each(backends)('claims on $name', ({ name, url }) => {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  const open = async (storeUrl = url(), prefix = uniquePrefix()) => {
    const store = await openStore(storeUrl, silent, prefix);
    opened.push(store);
    return store;
  };

  it(`[${name}] gives a key to exactly one of 50 concurrent claimants`, async () => {
    const claims = (await open()).claims('slots');
    const results = await Promise.all(Array.from({ length: 50 }, () => claims.claim('guild-1/2025-03-24T16:00:00.000Z', HOUR)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await claims.claim('guild-1/2025-03-24T16:00:00.000Z', HOUR)).toBe(false);
  });

  it(`[${name}] keeps keys and namespaces apart`, async () => {
    const store = await open();
    const slots = store.claims('slots');
    expect(await slots.claim('a', HOUR)).toBe(true);
    expect(await slots.claim('b', HOUR)).toBe(true);
    expect(await store.claims('other').claim('a', HOUR)).toBe(true);
  });

  it(`[${name}] lets a key be claimed again once its claim has expired`, async () => {
    const claims = (await open()).claims('slots');
    expect(await claims.claim('short', 400)).toBe(true);
    expect(await claims.claim('short', 400)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await claims.claim('short', 400)).toBe(true);
  });

  if (name !== 'memory') {
    it(`[${name}] gives a key to one of two stores (two processes) on the same backend`, async () => {
      const storeUrl = url();
      const prefix = uniquePrefix();
      const [first, second] = [await open(storeUrl, prefix), await open(storeUrl, prefix)];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? first : second).claims('slots').claim('contested', HOUR)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  }
});

describe('claims on redis when the server goes away', () => {
  it('[redis] answers StoreUnavailableError instead of claiming', async () => {
    const redis = await startRedisServer();
    const store = await openStore(redis.url, silent, uniquePrefix());
    try {
      await redis.stop();
      await expect(store.claims('slots').claim('a', HOUR)).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await store.close();
      await redis.stop();
    }
  });
});
