import { Client, Events, GatewayIntentBits, PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../testkit/index.js';
import { connectClient } from './connectClient.js';

describe('login and READY', () => {
  let standIn: StandIn | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.destroy();
    await standIn?.close();
    client = standIn = undefined;
  });

  it('logs a discord.js client in and delivers guilds with channels, roles and the bot member', async () => {
    standIn = await startStandIn({ guilds: [{ name: 'Study Group', channels: ['general', 'debate'] }], clock: 'manual' });
    client = await connectClient(standIn);

    const fixture = standIn.guild(0);
    const guild = client.guilds.cache.get(fixture.id);
    expect(client.user?.id).toBe(standIn.bot.id);
    expect(client.application?.id).toBe(standIn.applicationId);
    expect(guild?.name).toBe('Study Group');
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['debate', 'general']);
    expect(guild?.roles.cache.get(fixture.role('Moderator').id)?.permissions.has(PermissionFlagsBits.ManageGuild)).toBe(true);
    expect(guild?.members.me?.id).toBe(standIn.bot.id);
    expect(guild?.members.me?.permissionsIn(fixture.channel('general').id).has(PermissionFlagsBits.SendMessages)).toBe(true);
  });

  it('serves GET /gateway/bot with the bot token and points the client at its own gateway', async () => {
    standIn = await startStandIn({ clock: 'manual' });
    client = await connectClient(standIn);

    const gatewayCall = standIn.calls.find((c) => c.route === 'GET /gateway/bot');
    expect(gatewayCall).toMatchObject({ status: 200, auth: 'bot', outcome: 'ok' });
    expect(gatewayCall?.response).toMatchObject({ url: standIn.gatewayUrl, shards: 1 });
    expect(standIn.gatewaySessions()).toEqual([expect.objectContaining({ shard: [0, 1], connected: true })]);
  });

  it('refuses a wrong token with 401, so login fails', async () => {
    standIn = await startStandIn({ clock: 'manual' });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standIn.apiUrl } });

    await expect(client.login('not-the-token')).rejects.toThrow(/token/i);
    expect(standIn.takeRejections()).toEqual([expect.objectContaining({ status: 401, route: 'GET /gateway/bot', auth: 'invalid' })]);
  });

  it('sends GUILD_CREATE when the bot joins a guild after READY', async () => {
    standIn = await startStandIn({ clock: 'manual' });
    client = await connectClient(standIn);
    const joined = new Promise<{ id: string; name: string }>((resolve) => client?.once(Events.GuildCreate, resolve));

    const added = standIn.addGuild({ name: 'Late Joiners', channels: ['lobby'] });

    expect(await joined).toMatchObject({ id: added.id, name: 'Late Joiners' });
  });

  it('keeps a model that serialises to JSON as is', async () => {
    standIn = await startStandIn({ clock: 'manual' });
    const snapshot = standIn.snapshot();

    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.guilds[0]?.members.map((m) => standIn?.user(m.userId)?.username)).toEqual([
      'Scratchpad',
      'owner',
      'member',
      'moderator',
    ]);
  });

  it('lets a test watch the world through events', async () => {
    standIn = await startStandIn({ clock: 'manual' });
    const seen: string[] = [];
    standIn.events.on('gateway', (e) => seen.push(e.type));
    client = await connectClient(standIn);

    expect(seen).toEqual(expect.arrayContaining(['connect', 'identify', 'ready']));
  });
});
