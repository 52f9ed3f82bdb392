import { afterEach, expect, it } from 'vitest';
import { manyGuilds } from '../../testkit/index.js';
import { type BotUnderTest, startBot } from './harness.js';

/** What src/discord/client.ts keeps once READY has delivered guilds with channels and roles. */

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

it('keeps the guilds and its own user, and every guild shares one empty cache for what the bot never reads', async () => {
  bot = await startBot({ guilds: manyGuilds(3, { channels: 5, roles: 4 }) });
  const { client } = bot.app;

  const [first, second] = [...client.guilds.cache.values()];
  expect(client.guilds.cache.size).toBe(3);
  expect(client.users.cache.has(client.user?.id ?? '')).toBe(true);
  expect(first?.channels.cache.size).toBe(0);
  expect(first?.roles.cache.size).toBe(0);
  expect(first?.members.cache.size).toBe(0);
  expect(first?.channels.cache).toBe(second?.channels.cache);
  expect(first?.members.cache).toBe(second?.roles.cache);
});
