import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import KeyvRedis, { createClient, type RedisClientType } from '@keyv/redis';
import { Keyv } from 'keyv';
import { memoryBatch, type RecordBatch, redisBatch } from './batch.js';
import { type Claims, memoryClaims, redisClaims, sqliteClaims } from './claims.js';
import { deserialize, serialize } from './codec.js';
import { RecordCache } from './recordCache.js';
import { sqliteBatch } from './sqliteBatch.js';
import { SqliteFile, SqliteStore } from './sqliteFile.js';

/** Stored characters of records a batch keeps parsed (about as many bytes: records are ASCII JSON). */
const CACHED_CHARS = 8_000_000;

export type StoreKind = 'memory' | 'sqlite' | 'redis';

/** A keyv backend chosen by STORE_URL. Each namespace gets its own adapter: keyv's iterator mixes namespaces that share one. */
export interface Backend {
  readonly kind: StoreKind;
  open(namespace: string): Keyv;
  /** Set-if-absent keys shared by every process on this backend (see claims.ts). */
  readonly claims: Claims;
  /** Records of several namespaces in one round trip each way (see batch.ts). */
  readonly batch: RecordBatch;
  close(): Promise<void>;
}

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

const keyvOptions = (namespace: string) => ({ namespace, throwOnErrors: true, useKeyPrefix: true, serialize, deserialize });

function memoryBackend(): Backend {
  const maps = new Map<string, Map<string, unknown>>();
  const mapFor = (namespace: string) => maps.get(namespace) ?? (maps.set(namespace, new Map()).get(namespace) as Map<string, unknown>);
  return {
    kind: 'memory',
    open: (namespace) => new Keyv({ ...keyvOptions(namespace), store: mapFor(namespace) }),
    claims: memoryClaims(),
    batch: memoryBatch(mapFor),
    close: async () => {},
  };
}

function sqliteBackend(path: string): Backend {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const file = new SqliteFile(path);
  return {
    kind: 'sqlite',
    claims: sqliteClaims(new SqliteStore(file, 'claims')),
    batch: sqliteBatch(new SqliteStore(file), new RecordCache(CACHED_CHARS)),
    open: (namespace) => new Keyv({ ...keyvOptions(namespace), store: new SqliteStore(file) }),
    close: async () => file.close(),
  };
}

async function redisBackend(url: string): Promise<Backend> {
  // Without the offline queue a command fails at once while Redis is down, so a member hears "try again"
  // instead of waiting on a reply that may never come; the client keeps reconnecting in the background.
  let connectedOnce = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      // At start-up an unreachable Redis is a configuration error; once it has worked, keep trying to reconnect.
      reconnectStrategy: (attempts, cause) => (connectedOnce ? Math.min(attempts * 100, 2_000) : attempts >= 3 ? cause : 200),
    },
  }) as RedisClientType;
  client.on('error', () => {}); // surfaced per command; the client reconnects by itself
  // Every namespace's KeyvRedis listens to the one shared client (error, connect, disconnect, reconnecting): a fixed
  // dozen or so, not a leak, so Node's warning at eleven is raised out of the way.
  client.setMaxListeners(64);
  client.on('ready', () => {
    connectedOnce = true;
  });
  await client.connect();
  return {
    kind: 'redis',
    claims: redisClaims(client),
    batch: redisBatch(client, new RecordCache(CACHED_CHARS)),
    open: (namespace) =>
      new Keyv({ ...keyvOptions(namespace), store: new KeyvRedis(client, { namespace, throwOnErrors: true, throwOnConnectError: true }) }),
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}

export async function openBackend(url: string): Promise<Backend> {
  if (url === 'memory://') return memoryBackend();
  if (url.startsWith('sqlite://')) return sqliteBackend(url.slice('sqlite://'.length));
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return redisBackend(url);
  throw new Error(`Unsupported STORE_URL "${url}": use sqlite://path, redis://host:port or memory://`);
}
