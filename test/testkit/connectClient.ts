import { once } from 'node:events';
import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import type { StandIn } from '../../testkit/index.js';

/** A real discord.js client, Guilds intent only, logged in to the stand-in and ready. */
export async function connectClient(standIn: StandIn, options: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: standIn.apiUrl },
    allowedMentions: { parse: [] },
    ...options,
  });
  const ready = once(client, Events.ClientReady);
  await client.login(standIn.token);
  await ready;
  return client;
}
