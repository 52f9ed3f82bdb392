import { once } from 'node:events';
import { Events } from 'discord.js';
import { createClient } from '../../src/discord/client.js';
import { exitWith, memoryNow, send } from '../lib/protocol.js';

/** Only Scratchpad's client factory (src/discord/client.ts: Guilds intent, limited caches), logged in: its memory beside the bare client's. */
const env = process.env;
const client = createClient({ apiUrl: env.DISCORD_API_URL ?? '', shardCount: Number(env.SHARD_COUNT ?? 1) });
const ready = once(client, Events.ClientReady);
await client.login(env.DISCORD_TOKEN);
await ready;
send({ type: 'ready', sinceStartMs: performance.now(), guilds: client.guilds.cache.size, ...memoryNow() });
exitWith(() => client.destroy());
