import type WebSocket from 'ws';
import type { GatewayHub } from './gatewayHub.js';
import { CloseCode, Op } from './opcodes.js';
import type { GatewaySession } from './session.js';

interface Frame {
  op: number;
  d: unknown;
}

/** One WebSocket from the bot: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATEs, RESUME → replay + RESUMED. */
export class GatewayConnection {
  session: GatewaySession | null = null;

  constructor(
    private readonly hub: GatewayHub,
    readonly socket: WebSocket,
  ) {
    socket.on('message', (data) => this.onFrame(String(data)));
    socket.on('close', (code) => this.hub.connectionClosed(this, code));
    socket.on('error', () => undefined);
    this.send({ op: Op.Hello, d: { heartbeat_interval: hub.options.heartbeatIntervalMs } });
  }

  send(frame: Frame): void {
    this.socket.send(JSON.stringify(frame));
  }

  close(code: number, reason: string): void {
    this.hub.protocolProblem(this, code, reason);
    this.socket.close(code, reason.slice(0, 120));
  }

  private onFrame(text: string): void {
    const frame = parse(text);
    if (!frame) {
      this.close(CloseCode.DecodeError, `the bot sent a frame that is not JSON: ${text.slice(0, 80)}`);
      return;
    }
    switch (frame.op) {
      case Op.Heartbeat:
        this.session?.acknowledge(typeof frame.d === 'number' ? frame.d : null);
        this.send({ op: Op.HeartbeatAck, d: null });
        break;
      case Op.Identify:
        this.identify(frame.d);
        break;
      case Op.Resume:
        this.resume(frame.d);
        break;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
        if (!this.session) this.close(CloseCode.NotAuthenticated, `op ${frame.op} before IDENTIFY`);
        break;
      default:
        this.close(CloseCode.UnknownOpcode, `unknown gateway opcode ${frame.op}`);
    }
  }

  private identify(d: unknown): void {
    const problem = this.session
      ? { code: CloseCode.AlreadyAuthenticated, reason: 'a second IDENTIFY on one connection' }
      : this.hub.identifyProblem(d);
    if (problem) this.close(problem.code, problem.reason);
    else this.session = this.hub.startSession(this, d as IdentifyData);
  }

  private resume(d: unknown): void {
    const data = (d ?? {}) as { token?: string; session_id?: string; seq?: number };
    if (data.token !== this.hub.token) {
      this.close(CloseCode.AuthenticationFailed, 'RESUME with a token that is not the bot token');
      return;
    }
    const session = this.hub.resumeSession(this, String(data.session_id), Number(data.seq ?? 0));
    if (session) this.session = session;
    else this.send({ op: Op.InvalidSession, d: false });
  }
}

export interface IdentifyData {
  token: string;
  intents: number;
  shard?: [number, number];
  compress?: boolean;
  properties?: Record<string, string>;
}

function parse(text: string): Frame | null {
  try {
    const value = JSON.parse(text) as Frame;
    return typeof value === 'object' && value !== null && typeof value.op === 'number' ? value : null;
  } catch {
    return null;
  }
}
