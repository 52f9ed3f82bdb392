import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.js';
import { startSharded } from '../src/sharded.js';

const env = { DISCORD_TOKEN: 'token-value', SHARD_COUNT: '2' };

describe('startSharded', () => {
  it('refuses to start without a store every shard can reach, and says which to set', async () => {
    for (const STORE_URL of [undefined, 'sqlite://data/x.sqlite', 'memory://']) {
      const started = startSharded({ ...env, ...(STORE_URL ? { STORE_URL } : {}) });
      await expect(started).rejects.toThrow(ConfigError);
      await expect(started).rejects.toThrow(/Sharded mode needs .* STORE_URL=redis:\/\/host:port/);
    }
  });

  it('refuses a shard count that is not a whole number of at least 1', async () => {
    await expect(startSharded({ ...env, STORE_URL: 'redis://127.0.0.1:6379', SHARD_COUNT: '0' })).rejects.toThrow(
      /SHARD_COUNT must be at least 1/,
    );
  });
});
