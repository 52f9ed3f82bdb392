import type { RedisClientType } from '@keyv/redis';
import type { SqliteStore } from './sqliteFile.js';

/**
 * Claims: keys that can be set once, for work that must happen at most once across every process sharing a
 * store (one weekly post per guild and slot). keyv has no "set if absent", so each backend uses its own atomic
 * primitive: Redis `SET NX PX`, SQLite one `INSERT … ON CONFLICT … RETURNING` statement, and, for memory (one
 * process by definition), a check-and-set with no await between check and set.
 */
export interface Claims {
  /** True for exactly one caller per key until the claim expires after `ttlMs`; false for every other caller. */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

export function memoryClaims(): Claims {
  const expiries = new Map<string, number>();
  return {
    async claim(key, ttlMs) {
      const now = Date.now();
      if ((expiries.get(key) ?? 0) > now) return false;
      expiries.set(key, now + ttlMs);
      return true;
    },
  };
}

/** A `claims` table of key → expiry (epoch ms) in the SQLite file. */
export function sqliteClaims(table: SqliteStore): Claims {
  const statement =
    'INSERT INTO {table} (key, value) VALUES (?, ?) ' +
    'ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE CAST({table}.value AS INTEGER) <= ? RETURNING key';
  return {
    async claim(key, ttlMs) {
      const now = Date.now();
      return table.query(statement, key, String(now + ttlMs), now).length === 1;
    },
  };
}

export function redisClaims(client: RedisClientType): Claims {
  return {
    async claim(key, ttlMs) {
      const reply = await client.set(key, '1', { condition: 'NX', expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) } });
      return reply === 'OK';
    },
  };
}

/** Claims under one namespace, so two features (or two test runs on one Redis) never share a key. */
export function namespacedClaims(claims: Claims, namespace: string): Claims {
  return { claim: (key, ttlMs) => claims.claim(`${namespace}::${key}`, ttlMs) };
}
