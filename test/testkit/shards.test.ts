import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { manyGuilds, type StandIn, shardOf, startStandIn } from '../../testkit/index.js';
import { connectClient } from './connectClient.js';

describe('sharding', () => {
  let standIn: StandIn | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.destroy();
    await standIn?.close();
    client = standIn = undefined;
  });

  it('splits guilds over 2 shards by (guild_id >> 22) % 2', async () => {
    standIn = await startStandIn({ guilds: manyGuilds(6), shardCount: 2, clock: 'manual' });
    client = await connectClient(standIn, { shards: 'auto' });

    const byShard = client.guilds.cache.map((g) => [g.shardId, shardOf(g.id, 2)]);
    expect(client.guilds.cache.size).toBe(6);
    expect(byShard.every(([actual, expected]) => actual === expected)).toBe(true);
    expect(new Set(byShard.map(([shard]) => shard))).toEqual(new Set([0, 1]));
    expect(
      standIn
        .gatewaySessions()
        .map((s) => s.shard)
        .sort(),
    ).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('dispatches an interaction to the shard that owns its guild', async () => {
    standIn = await startStandIn({ guilds: manyGuilds(4), clock: 'manual' });
    client = await connectClient(standIn, { shards: [0, 1], shardCount: 2 });
    const shardsSeen: number[] = [];
    client.on(Events.InteractionCreate, async (i) => {
      shardsSeen.push(i.guild?.shardId ?? -1);
      if (i.isChatInputCommand()) await i.reply('pong');
    });

    for (const guild of standIn.guilds()) {
      const handle = standIn.slash('ping', {}, { guild: guild.id });
      await handle.reply();
      expect(handle.record.shard).toEqual([shardOf(guild.id, 2), 2]);
    }
    expect(shardsSeen.sort()).toEqual([0, 0, 1, 1]);
  });

  it('closes a shard that would hold too many guilds with 4011 Sharding Required', async () => {
    standIn = await startStandIn({ guilds: manyGuilds(2501), clock: 'manual' });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standIn.apiUrl } });
    const disconnected = new Promise((resolve) => client?.once(Events.ShardError, resolve));
    void client.login(standIn.token).catch(() => undefined);

    await expect(disconnected).resolves.toHaveProperty('message', 'Sharding is required');
    expect(standIn.takeRejections()).toEqual([expect.objectContaining({ method: 'WS', status: 4011 })]);
  });
});
