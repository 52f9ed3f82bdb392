import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const valid = { DISCORD_TOKEN: 'token-value', DISCORD_CLIENT_ID: '123456789012345678' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(valid)).toEqual({
      ...valid,
      STORE_URL: 'sqlite://data/scratchpad.sqlite',
      CONTENT_DIR: 'content',
      LOG_LEVEL: 'info',
      SHARD_COUNT: 2,
      SHARD_SPAWN_DELAY_MS: 5_500,
    });
  });

  it('accepts every documented store and an API base for the stand-in', () => {
    for (const STORE_URL of ['memory://', 'redis://127.0.0.1:6379', 'sqlite:///tmp/x.sqlite']) {
      expect(loadConfig({ ...valid, STORE_URL }).STORE_URL).toBe(STORE_URL);
    }
    expect(loadConfig({ ...valid, DISCORD_API_URL: 'http://127.0.0.1:8080/api' }).DISCORD_API_URL).toBe('http://127.0.0.1:8080/api');
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
