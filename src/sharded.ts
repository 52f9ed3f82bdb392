import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';

// From source (`npm run start:sharded`) each shard runs main.ts through tsx; from a build (`npm run build`), main.js.
const fromSource = import.meta.url.endsWith('.ts');
const shardEntry = fileURLToPath(new URL(fromSource ? './main.ts' : './main.js', import.meta.url));

/**
 * `npm run start:sharded`: one process per gateway shard, each running the same entry as `npm start`.
 * Shards share nothing but the store, so the store must be Redis. SHARD_COUNT is explicit because
 * `totalShards: 'auto'` would ask Discord itself.
 */
export async function startSharded(env: NodeJS.ProcessEnv = process.env): Promise<ShardingManager> {
  const config = loadConfig(env);
  if (!config.STORE_URL.startsWith('redis')) {
    throw new ConfigError(`Sharded mode needs a store every shard can reach: set STORE_URL=redis://host:port (it is ${config.STORE_URL}).`);
  }
  const log = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  const manager = new ShardingManager(shardEntry, {
    token: config.DISCORD_TOKEN,
    totalShards: config.SHARD_COUNT,
    mode: 'process',
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    log.info({ shard: shard.id, of: config.SHARD_COUNT }, 'shard launched');
    shard.on('spawn', (child) => log.info({ shard: shard.id, pid: 'pid' in child ? child.pid : null }, 'shard process started'));
    // With respawn on, discord.js starts a new process for a shard whose process exits.
    shard.on('death', (child) =>
      log.warn({ shard: shard.id, ...('pid' in child ? { exitCode: child.exitCode, signal: child.signalCode } : {}) }, 'shard exited'),
    );
  });
  try {
    await manager.spawn({ amount: config.SHARD_COUNT, delay: config.SHARD_SPAWN_DELAY_MS, timeout: 60_000 });
  } catch (err) {
    stopShards(manager);
    throw err;
  }
  return manager;
}

/** Stops every shard process; a shard stopped this way is not respawned. */
export function stopShards(manager: ShardingManager): void {
  for (const shard of manager.shards.values()) shard.kill();
}

async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    const manager = await startSharded();
    const stop = () => {
      stopShards(manager);
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : `Scratchpad could not start its shards: ${(err as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
