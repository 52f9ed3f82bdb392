import { type Client, Events, HTTPError, type Interaction, MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../testkit/index.js';
import { connectClient } from './connectClient.js';

describe('faults on demand', () => {
  let standIn: StandIn;
  let client: Client;

  beforeEach(async () => {
    standIn = await startStandIn({
      clock: 'manual',
      guilds: [{ channels: ['general', { name: 'read-only', bot: { deny: ['SendMessages'] } }] }],
    });
    client = await connectClient(standIn);
    client.on(Events.InteractionCreate, (i) => void answer(i));
  });

  afterEach(async () => {
    await client.destroy();
    await standIn.close();
  });

  const send = (channelId: string, content: string) => {
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error(`channel ${channelId} is not sendable`);
    return channel.send(content);
  };

  it('rate-limits a route with 429 and retry_after; discord.js waits and succeeds', async () => {
    const channelId = standIn.guild().channel().id;
    const limited = standIn.faults.rateLimit('POST /channels/{channel_id}/messages', { retryAfter: 0.05 });
    const seen: number[] = [];
    client.rest.on('rateLimited', (info) => seen.push(info.retryAfter));

    await send(channelId, 'eventually');

    expect(limited.hits).toBe(1);
    expect(seen).toHaveLength(1);
    expect(standIn.calls.filter((c) => c.route === 'POST /channels/{channel_id}/messages').map((c) => [c.status, c.outcome])).toEqual([
      [429, 'fault'],
      [200, 'ok'],
    ]);
    expect(standIn.messages(channelId).map((m) => m.content)).toEqual(['eventually']);
  });

  it('answers 500 once (discord.js retries) or every time (discord.js gives up)', async () => {
    const channelId = standIn.guild().channel().id;
    standIn.faults.serverError('POST /channels/{channel_id}/messages');
    await send(channelId, 'after one 500');
    standIn.faults.serverError(/^POST \/channels\/\d+\/messages$/, { times: 10 });

    await expect(send(channelId, 'never')).rejects.toBeInstanceOf(HTTPError);
    expect(standIn.messages(channelId).map((m) => m.content)).toEqual(['after one 500']);
    expect(standIn.rejections).toEqual([]);
  });

  it('drops the gateway connection; the client resumes and keeps serving', async () => {
    const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));

    const [recovery] = await standIn.faults.dropGateway();

    expect(recovery).toMatchObject({ shard: [0, 1], how: 'resumed' });
    await resumed;
    expect(await standIn.slash('ping').reply()).toMatchObject({ content: 'pong' });
  });

  it('replays an interaction dispatched while the connection was down', async () => {
    const replays: string[] = [];
    standIn.events.on('gateway', (e) => e.type === 'resumed' && replays.push(e.detail ?? ''));
    const dropped = standIn.faults.dropGateway();
    const handle = standIn.slash('ping');
    await dropped;

    expect(await handle.reply()).toMatchObject({ content: 'pong' });
    expect(replays).toEqual(['replayed 1 events']);
  });

  it('tells the client to reconnect (op 7); it resumes', async () => {
    const [recovery] = await standIn.faults.dropGateway({ how: 'reconnect' });

    expect(recovery?.how).toBe('resumed');
    expect(await standIn.slash('ping').reply()).toMatchObject({ content: 'pong' });
  });

  it('makes a channel answer 50013 Missing Permissions or 10003 Unknown Channel', async () => {
    const channelId = standIn.guild().channel().id;
    const forbidden = standIn.faults.missingPermissions(channelId);
    await expect(send(channelId, 'no')).rejects.toMatchObject({ code: 50013, status: 403 });
    forbidden.remove();
    const gone = standIn.faults.unknownChannel(channelId);
    await expect(send(channelId, 'no')).rejects.toMatchObject({ code: 10003, status: 404 });
    gone.remove();

    await send(channelId, 'yes');
    expect(standIn.messages(channelId).map((m) => m.content)).toEqual(['yes']);
    expect(standIn.rejections).toEqual([]);
  });

  it('refuses with 50013 where the fixture denies the bot Send Messages, and discord.js sees the same', async () => {
    const readOnly = standIn.guild().channel('read-only');
    const me = client.guilds.cache.get(standIn.guild().id)?.members.me;

    expect(me?.permissionsIn(readOnly.id).has('SendMessages')).toBe(false);
    await expect(send(readOnly.id, 'hello?')).rejects.toMatchObject({ code: 50013 });
    expect(standIn.calls.at(-1)).toMatchObject({
      outcome: 'refused',
      error: expect.objectContaining({ reason: expect.stringMatching(/lacks SendMessages in #read-only/) }),
    });
  });
});

async function answer(i: Interaction): Promise<void> {
  if (i.isChatInputCommand()) await i.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
}
