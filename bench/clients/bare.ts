import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { exitWith, memoryNow, send } from '../lib/protocol.js';

/**
 * The floor: a bare discord.js client on default caching that answers every interaction with one fixed line
 * (autocomplete with one fixed choice). What discord.js itself costs, with no bot logic.
 */
const env = process.env;
const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: env.DISCORD_API_URL ?? '' },
  shardCount: Number(env.SHARD_COUNT ?? 1),
});
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isAutocomplete()) void interaction.respond([{ name: 'ok', value: 'ok' }]).catch(() => undefined);
  else if (interaction.isRepliable()) void interaction.reply('ok').catch(() => undefined);
});
const ready = once(client, Events.ClientReady);
await client.login(env.DISCORD_TOKEN);
await ready;
send({ type: 'ready', sinceStartMs: performance.now(), guilds: client.guilds.cache.size, ...memoryNow() });
exitWith(() => client.destroy());
