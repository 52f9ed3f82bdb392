import { once } from 'node:events';
import { type Client, Events } from 'discord.js';
import { afterEach, expect, it } from 'vitest';
import { createClient } from '../../src/discord/client.js';
import { manyGuilds, type StandIn, startStandIn } from '../../testkit/index.js';

let standIn: StandIn | undefined;
let client: Client | undefined;
afterEach(async () => {
  await client?.destroy();
  await standIn?.close();
  client = standIn = undefined;
});

it('keeps the guilds and its own user, and every guild shares one empty cache for what the bot never reads', async () => {
  standIn = await startStandIn({ guilds: manyGuilds(3, { channels: 5, roles: 4 }) });
  client = createClient({ apiUrl: standIn.apiUrl });
  const ready = once(client, Events.ClientReady);
  await client.login(standIn.token);
  await ready;

  const [first, second] = [...client.guilds.cache.values()];
  expect(client.guilds.cache.size).toBe(3);
  expect(client.users.cache.has(client.user?.id ?? '')).toBe(true);
  expect(first?.channels.cache.size).toBe(0);
  expect(first?.roles.cache.size).toBe(0);
  expect(first?.members.cache.size).toBe(0);
  expect(first?.channels.cache).toBe(second?.channels.cache);
  expect(first?.members.cache).toBe(second?.roles.cache);
});
