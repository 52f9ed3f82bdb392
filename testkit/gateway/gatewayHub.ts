import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { StandInEvents } from '../events.js';
import { shardOf } from '../snowflake.js';
import { apiGuildCreate } from '../world/apiShapes.js';
import type { World } from '../world/world.js';
import { GatewayConnection, type IdentifyData } from './gatewayConnection.js';
import { ALL_INTENTS, CloseCode, Op } from './opcodes.js';
import { readyPayload } from './readyPayload.js';
import { GatewaySession } from './session.js';

export const GATEWAY_PATH = '/gateway';
export const RESUME_PATH = '/gateway-resume';
const GUILD_BATCH = 200;

export interface GatewayHubOptions {
  readonly heartbeatIntervalMs: number;
  /** Privileged intents the application has been granted (bitmask); others close the connection with 4014. */
  readonly privilegedIntents: number;
  readonly privilegedMask: number;
  /** Discord closes with 4011 when a shard would hold more guilds than this. */
  readonly guildsPerShardMax: number;
}

export interface GatewayDeps {
  readonly world: World;
  readonly events: StandInEvents;
  readonly token: string;
  readonly applicationId: string;
  readonly options: GatewayHubOptions;
  /** Records a protocol violation by the bot, as a rejected call. */
  readonly onProblem: (path: string, code: number, reason: string) => void;
}

/** The gateway: accepts the bot's WebSockets, keeps one session per shard, and dispatches events to the right shard. */
export class GatewayHub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<GatewayConnection>();
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly byShard = new Map<string, GatewaySession>();
  baseUrl = '';
  private closed = false;

  constructor(private readonly deps: GatewayDeps) {}

  get options(): GatewayHubOptions {
    return this.deps.options;
  }

  get token(): string {
    return this.deps.token;
  }

  get url(): string {
    return `${this.baseUrl}${GATEWAY_PATH}`;
  }

  get resumeUrl(): string {
    return `${this.baseUrl}${RESUME_PATH}`;
  }

  /** Takes over an HTTP upgrade on the gateway paths; returns false for any other path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    if (url.pathname !== GATEWAY_PATH && url.pathname !== RESUME_PATH) return false;
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new GatewayConnection(this, ws);
      this.connections.add(connection);
      this.publish('connect', null, `${url.pathname}${url.search}`);
      const problem = queryProblem(url.searchParams);
      if (problem) connection.close(CloseCode.InvalidApiVersion, problem);
    });
    return true;
  }

  identifyProblem(d: unknown): { code: number; reason: string } | null {
    const data = (d ?? {}) as Partial<IdentifyData>;
    if (data.token !== this.deps.token)
      return { code: CloseCode.AuthenticationFailed, reason: 'IDENTIFY with a token that is not the bot token' };
    if (data.compress === true)
      return { code: CloseCode.InvalidApiVersion, reason: 'IDENTIFY asks for payload compression, which the stand-in does not speak' };
    if (!Number.isInteger(data.intents) || (data.intents ?? -1) < 0 || (data.intents ?? 0) > ALL_INTENTS)
      return { code: CloseCode.InvalidIntents, reason: `invalid intents ${String(data.intents)}` };
    const denied = (data.intents ?? 0) & this.options.privilegedMask & ~this.options.privilegedIntents;
    if (denied !== 0)
      return {
        code: CloseCode.DisallowedIntents,
        reason: `privileged intents ${denied} are not enabled for this application (startStandIn({ privilegedIntents }))`,
      };
    const [index, count] = data.shard ?? [0, 1];
    if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 0 || index >= count)
      return { code: CloseCode.InvalidShard, reason: `invalid shard ${JSON.stringify(data.shard)}` };
    const load = this.guildIdsOf([index, count]).length;
    if (load > this.options.guildsPerShardMax)
      return {
        code: CloseCode.ShardingRequired,
        reason: `shard [${index}, ${count}] would hold ${load} guilds; at most ${this.options.guildsPerShardMax}`,
      };
    return null;
  }

  startSession(connection: GatewayConnection, d: IdentifyData): GatewaySession {
    const shard: [number, number] = d.shard ?? [0, 1];
    const session = new GatewaySession(randomBytes(16).toString('hex'), shard, d.intents, connection.socket);
    this.sessions.set(session.id, session);
    this.byShard.set(shard.join('/'), session);
    this.publish('identify', session);
    const guildIds = this.guildIdsOf(shard);
    session.dispatch('READY', readyPayload(this.deps.world, session, this.deps.applicationId, guildIds, this.resumeUrl));
    this.sendGuilds(session, guildIds, 0);
    return session;
  }

  /** GUILD_CREATEs in batches, yielding between them, so thousands of guilds do not block everything else. */
  private sendGuilds(session: GatewaySession, guildIds: readonly string[], from: number): void {
    if (this.closed) return;
    const until = Math.min(from + GUILD_BATCH, guildIds.length);
    for (let i = from; i < until; i++) {
      const guild = this.deps.world.guilds.get(guildIds[i] ?? '');
      if (guild) session.dispatch('GUILD_CREATE', apiGuildCreate(this.deps.world, guild));
    }
    if (until < guildIds.length) setImmediate(() => this.sendGuilds(session, guildIds, until));
    else this.publish('ready', session, `${guildIds.length} guilds`);
  }

  resumeSession(connection: GatewayConnection, sessionId: string, seq: number): GatewaySession | null {
    const session = this.sessions.get(sessionId);
    const replayed = session?.resume(connection.socket, seq);
    if (!session || replayed === null || replayed === undefined) {
      this.publish('invalid-session', session ?? null, `RESUME of session ${sessionId} at seq ${seq} cannot be honoured`);
      return null;
    }
    this.publish('resume', session, `from seq ${seq}`);
    session.dispatch('RESUMED', {});
    this.publish('resumed', session, `replayed ${replayed} events`);
    return session;
  }

  connectionClosed(connection: GatewayConnection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    if (session && session.socket === connection.socket) {
      session.socket = null;
      if (code === 1000 || code === 1001) this.forget(session);
    }
    this.publish('close', session, `code ${code}`);
  }

  protocolProblem(connection: GatewayConnection, code: number, reason: string): void {
    this.deps.onProblem(connection.session ? `session ${connection.session.id}` : GATEWAY_PATH, code, reason);
  }

  /** The current session of the shard that owns this guild. */
  sessionFor(guildId: string): GatewaySession | undefined {
    return [...this.byShard.values()].find((s) => s.owns(guildId));
  }

  dispatchToGuild(guildId: string, t: string, d: unknown): GatewaySession {
    const session = this.sessionFor(guildId);
    if (!session) {
      const shards = [...this.byShard.keys()].join(', ') || 'none';
      throw new Error(`the bot has no gateway session for guild ${guildId} (identified shards: ${shards}); is the client logged in?`);
    }
    session.dispatch(t, d);
    return session;
  }

  currentSessions(): GatewaySession[] {
    return [...this.byShard.values()];
  }

  /** Cuts connections without closing the sessions, so the client must resume. */
  drop(shard: number | undefined, how: 'terminate' | 'reconnect'): GatewaySession[] {
    const targets = this.currentSessions().filter((s) => s.connected && (shard === undefined || s.shard[0] === shard));
    for (const session of targets) {
      if (how === 'reconnect') session.socket?.send(JSON.stringify({ op: Op.Reconnect, d: null }));
      else session.socket?.terminate();
    }
    return targets;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private guildIdsOf(shard: readonly [number, number]): string[] {
    const [index, count] = shard;
    return [...this.deps.world.guilds.keys()].filter((id) => shardOf(id, count) === index);
  }

  private forget(session: GatewaySession): void {
    this.sessions.delete(session.id);
    const key = session.shard.join('/');
    if (this.byShard.get(key) === session) this.byShard.delete(key);
  }

  private publish(
    type: 'connect' | 'identify' | 'ready' | 'resume' | 'resumed' | 'invalid-session' | 'close',
    session: GatewaySession | null,
    detail?: string,
  ): void {
    this.deps.events.publish('gateway', {
      type,
      shard: session?.shard ?? null,
      sessionId: session?.id ?? null,
      ...(detail ? { detail } : {}),
    });
  }
}

function queryProblem(query: URLSearchParams): string | null {
  if (query.get('v') !== '10') return `gateway URL asks for API version ${query.get('v') ?? '(none)'}; the stand-in speaks v=10`;
  if ((query.get('encoding') ?? 'json') !== 'json')
    return `gateway URL asks for encoding=${query.get('encoding')}; the stand-in speaks json`;
  if (query.has('compress'))
    return `gateway URL asks for compress=${query.get('compress')}; the stand-in sends uncompressed JSON (is zlib-sync installed?)`;
  return null;
}
