import { once } from 'node:events';
import { Events } from 'discord.js';
import { createClient } from '../../src/discord/client.js';
import { run } from '../../src/main.js';
import { exitWith, memoryNow, send } from '../lib/protocol.js';

/**
 * BENCH_CLIENT=scratchpad: the whole bot, started by src/main.ts `run(env)` as `npm start` starts it.
 * BENCH_CLIENT=scratchpad-client: only Scratchpad's client factory (src/discord/client.ts) logged in, for memory.
 */
const env = process.env;

if (env.BENCH_CLIENT === 'scratchpad-client') {
  const client = createClient({ apiUrl: env.DISCORD_API_URL ?? '', shardCount: Number(env.SHARD_COUNT ?? 1) });
  const ready = once(client, Events.ClientReady);
  await client.login(env.DISCORD_TOKEN);
  await ready;
  send({ type: 'ready', sinceStartMs: performance.now(), guilds: client.guilds.cache.size, ...memoryNow() });
  exitWith(() => client.destroy());
} else {
  // discord.js reads SHARD_COUNT from the environment, as under `SHARD_COUNT=n npm start`.
  const app = await run(env);
  const sinceStartMs = performance.now();
  send({ type: 'ready', sinceStartMs, guilds: app.client.guilds.cache.size, ...memoryNow() });
  exitWith(() => app.stop());
}
