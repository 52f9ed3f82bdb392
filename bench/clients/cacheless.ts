import { REST } from '@discordjs/rest';
import { WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';
import { GatewayDispatchEvents, GatewayIntentBits } from 'discord.js';
import { exitWith, memoryNow, send } from '../lib/protocol.js';

/**
 * An experiment, not a client Scratchpad ships: the gateway without discord.js's object cache (@discordjs/ws and
 * @discordjs/rest, which discord.js itself runs on), keeping only the set of guild ids a shard owns. It shows what
 * meeting the memory target would take.
 */
const env = process.env;
const token = env.DISCORD_TOKEN ?? '';
const rest = new REST({ api: env.DISCORD_API_URL ?? '' }).setToken(token);
const manager = new WebSocketManager({ token, intents: GatewayIntentBits.Guilds, rest, shardCount: Number(env.SHARD_COUNT ?? 1) });
const owned = new Set<string>();
const expected = new Set<string>();
let readyShards = 0;
manager.on(WebSocketShardEvents.Dispatch, ({ data }) => {
  if (data.t === GatewayDispatchEvents.Ready) {
    for (const guild of data.d.guilds) expected.add(guild.id);
    readyShards++;
  } else if (data.t === GatewayDispatchEvents.GuildCreate) owned.add(data.d.id);
  else return;
  if (readyShards === manager.options.shardCount && owned.size === expected.size) {
    send({ type: 'ready', sinceStartMs: performance.now(), guilds: owned.size, ...memoryNow() });
  }
});
await manager.connect();
exitWith(async () => manager.destroy());
