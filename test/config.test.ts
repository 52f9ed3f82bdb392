import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const valid = { DISCORD_TOKEN: 'token-value', DISCORD_CLIENT_ID: '123456789012345678' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(valid)).toEqual({
      ...valid,
      STORE_URL: 'sqlite://data/scratchpad.sqlite',
      STORE_PREFIX: 'scratchpad',
      CONTENT_DIR: 'content',
      LOG_LEVEL: 'info',
      SHARD_COUNT: 2,
      SHARD_SPAWN_DELAY_MS: 5_500,
      PROMPT_GRACE_HOURS: 12,
    });
  });

  it('reads the prompt grace window in hours and refuses one outside 15 minutes to a week', () => {
    expect(loadConfig({ ...valid, PROMPT_GRACE_HOURS: '1.5' }).PROMPT_GRACE_HOURS).toBe(1.5);
    expect(() => loadConfig({ ...valid, PROMPT_GRACE_HOURS: '0' })).toThrow(/PROMPT_GRACE_HOURS must be at least 0.25/);
    expect(() => loadConfig({ ...valid, PROMPT_GRACE_HOURS: 'soon' })).toThrow(/PROMPT_GRACE_HOURS must be a number of hours/);
  });

  it('accepts every documented store and an API base for the stand-in', () => {
    for (const STORE_URL of ['memory://', 'redis://127.0.0.1:6379', 'sqlite:///tmp/x.sqlite']) {
      expect(loadConfig({ ...valid, STORE_URL }).STORE_URL).toBe(STORE_URL);
    }
    expect(loadConfig({ ...valid, DISCORD_API_URL: 'http://127.0.0.1:8080/api' }).DISCORD_API_URL).toBe('http://127.0.0.1:8080/api');
  });

  it('reads a store prefix and refuses one with a colon (keyv splits keys at the first one)', () => {
    expect(loadConfig({ ...valid, STORE_PREFIX: 'staging-2' }).STORE_PREFIX).toBe('staging-2');
    expect(() => loadConfig({ ...valid, STORE_PREFIX: 'a:b' })).toThrow(/STORE_PREFIX must be 1–64 letters/);
  });

  it('reads SHARD_IDS, the shards this process runs, and refuses ids outside SHARD_COUNT or a store other machines cannot reach', () => {
    const redis = { ...valid, STORE_URL: 'redis://127.0.0.1:6379' };
    expect(loadConfig({ ...redis, SHARD_COUNT: '4', SHARD_IDS: '3,1,1' }).SHARD_IDS).toEqual([1, 3]);
    expect(loadConfig(valid).SHARD_IDS).toBeUndefined();
    expect(() => loadConfig({ ...redis, SHARD_COUNT: '2', SHARD_IDS: '0,2' })).toThrow(/SHARD_IDS names shard 2, but SHARD_COUNT is 2/);
    expect(() => loadConfig({ ...redis, SHARD_IDS: 'one' })).toThrow(/SHARD_IDS must be shard numbers separated by commas/);
    expect(() => loadConfig({ ...valid, SHARD_COUNT: '2', SHARD_IDS: '1' })).toThrow(/SHARD_IDS runs only some shards.*STORE_URL=redis/);
    expect(loadConfig({ ...valid, SHARD_COUNT: '2', SHARD_IDS: '0,1' }).SHARD_IDS).toEqual([0, 1]);
  });

  it('names DISCORD_TOKEN, .env.example and the playground when the token is missing', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/DISCORD_TOKEN is not set.*copy \.env\.example to \.env.*npm run playground/s);
  });

  it('treats an empty value as unset', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: '' })).toThrow(/DISCORD_TOKEN is not set/);
    expect(loadConfig({ ...valid, STORE_URL: '' }).STORE_URL).toBe('sqlite://data/scratchpad.sqlite');
  });

  it('lists every malformed value in one message', () => {
    const env = { ...valid, DISCORD_CLIENT_ID: 'abc', STORE_URL: 'postgres://x', LOG_LEVEL: 'loud', DISCORD_API_URL: 'ftp://x' };
    let message = '';
    try {
      loadConfig(env);
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of ['DISCORD_CLIENT_ID', 'STORE_URL', 'LOG_LEVEL', 'DISCORD_API_URL']) expect(message).toContain(`- ${name}`);
    expect(message).not.toContain('token-value');
  });
});
