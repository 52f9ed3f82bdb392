import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { manyGuilds, type StandIn, shardOf, startStandIn } from '../../testkit/index.js';

interface Frame {
  op: number;
  t?: string;
  s?: number;
  d: Record<string, unknown> & { guilds?: { id: string }[] };
}

/** A bare WebSocket speaking the gateway protocol, recording what it receives. */
class RawGateway {
  readonly frames: Frame[] = [];
  closeCode: number | null = null;
  readonly socket: WebSocket;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (data) => this.frames.push(JSON.parse(String(data)) as Frame));
    this.socket.on('close', (code) => {
      this.closeCode = code;
    });
    this.socket.on('error', () => undefined);
  }

  send(op: number, d: unknown): void {
    this.socket.send(JSON.stringify({ op, d }));
  }

  dispatches(t?: string): Frame[] {
    return this.frames.filter((f) => f.op === 0 && (t === undefined || f.t === t));
  }
}

describe('gateway protocol', () => {
  let standIn: StandIn;
  const sockets: RawGateway[] = [];
  /** Connects and waits for HELLO (or an early close). */
  const open = async (url = `${standIn.gatewayUrl}?v=10&encoding=json`) => {
    const gateway = new RawGateway(url);
    sockets.push(gateway);
    await standIn.waitFor(() => gateway.frames.some((f) => f.op === 10) || gateway.closeCode !== null);
    return gateway;
  };
  const identify = (gateway: RawGateway, shard: [number, number] = [0, 1]) =>
    gateway.send(2, { token: standIn.token, intents: 1, shard, properties: {} });

  beforeEach(async () => {
    standIn = await startStandIn({ clock: 'manual', guilds: manyGuilds(4) });
  });

  afterEach(async () => {
    for (const gateway of sockets.splice(0)) gateway.socket.terminate();
    await standIn.close();
  });

  it('says HELLO and acknowledges heartbeats', async () => {
    const gateway = await open();
    gateway.send(1, null);

    expect(gateway.frames[0]).toEqual({ op: 10, d: { heartbeat_interval: 41_250 } });
    await standIn.waitFor(() => gateway.frames.find((f) => f.op === 11));
  });

  it('answers IDENTIFY with READY for the shard, then its GUILD_CREATEs, in sequence', async () => {
    const gateway = await open();
    identify(gateway, [1, 2]);
    const mine = standIn.guilds().filter((g) => shardOf(g.id, 2) === 1);
    await standIn.waitFor(() => gateway.dispatches('GUILD_CREATE').length === mine.length);

    const [ready, ...guilds] = gateway.dispatches();
    expect(ready).toMatchObject({
      t: 'READY',
      s: 1,
      d: { v: 10, shard: [1, 2], application: { id: standIn.applicationId }, resume_gateway_url: expect.stringMatching(/^ws:/) },
    });
    expect(ready?.d.guilds).toEqual(mine.map((g) => ({ id: g.id, unavailable: true })));
    expect(guilds.map((f) => f.s)).toEqual(mine.map((_, i) => i + 2));
    expect(guilds[0]?.d).toMatchObject({
      id: mine[0]?.id,
      channels: [expect.objectContaining({ name: 'general' })],
      members: expect.arrayContaining([expect.objectContaining({ user: expect.objectContaining({ id: standIn.bot.id }) })]),
    });
  });

  it('closes with 4004 on a wrong token', async () => {
    const gateway = await open();
    gateway.send(2, { token: 'wrong', intents: 1, properties: {} });

    await standIn.waitFor(() => gateway.closeCode === 4004);
    expect(standIn.takeRejections()).toEqual([expect.objectContaining({ method: 'WS', status: 4004 })]);
  });

  it('closes with 4014 on privileged intents the application was not granted', async () => {
    const gateway = await open();
    gateway.send(2, { token: standIn.token, intents: 1 | (1 << 15), properties: {} });

    await standIn.waitFor(() => gateway.closeCode === 4014);
    standIn.takeRejections();
  });

  it('replays missed events on RESUME, then sends RESUMED', async () => {
    const first = await open();
    identify(first);
    await standIn.waitFor(() => first.dispatches('GUILD_CREATE').length === 4);
    const ready = first.dispatches('READY')[0]?.d as { session_id: string; resume_gateway_url: string };
    const lastSeq = first.dispatches().at(-1)?.s;
    first.socket.terminate();
    await standIn.waitFor(() => standIn.gatewaySessions()[0]?.connected === false);

    standIn.slash('missed');
    const second = await open(`${ready.resume_gateway_url}?v=10&encoding=json`);
    second.send(6, { token: standIn.token, session_id: ready.session_id, seq: lastSeq });
    await standIn.waitFor(() => second.dispatches('RESUMED').length === 1);

    expect(second.dispatches().map((f) => [f.t, f.s])).toEqual([
      ['INTERACTION_CREATE', (lastSeq ?? 0) + 1],
      ['RESUMED', (lastSeq ?? 0) + 2],
    ]);
  });

  it('answers RESUME of an unknown session with INVALID_SESSION', async () => {
    const gateway = await open();
    gateway.send(6, { token: standIn.token, session_id: 'nope', seq: 3 });

    expect(await standIn.waitFor(() => gateway.frames.find((f) => f.op === 9))).toMatchObject({ d: false });
  });

  it('refuses a compressed transport it does not speak, saying why', async () => {
    const gateway = await open(`${standIn.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);

    await standIn.waitFor(() => gateway.closeCode === 4012);
    expect(standIn.takeRejections()[0]?.error?.reason).toMatch(/compress=zlib-stream/);
  });
});
