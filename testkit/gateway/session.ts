import WebSocket from 'ws';
import { shardOf } from '../snowflake.js';

const BACKLOG_MAX = 100_000;

/**
 * One gateway session (one shard of the bot). Every dispatch gets the next sequence number and stays in a
 * backlog until the client acknowledges it by heartbeat, so a RESUME can replay what the client missed while
 * its connection was down.
 */
export class GatewaySession {
  private seq = 0;
  private readonly backlog: { s: number; frame: string }[] = [];
  socket: WebSocket | null;
  resumes = 0;

  constructor(
    readonly id: string,
    readonly shard: readonly [number, number],
    readonly intents: number,
    socket: WebSocket,
  ) {
    this.socket = socket;
  }

  get sequence(): number {
    return this.seq;
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  owns(guildId: string): boolean {
    return shardOf(guildId, this.shard[1]) === this.shard[0];
  }

  dispatch(t: string, d: unknown): number {
    const s = ++this.seq;
    const frame = JSON.stringify({ op: 0, t, s, d });
    this.backlog.push({ s, frame });
    if (this.backlog.length > BACKLOG_MAX) this.backlog.shift();
    if (this.connected) this.socket?.send(frame);
    return s;
  }

  /** The client has processed everything up to `seq` (it says so in each heartbeat). */
  acknowledge(seq: number | null): void {
    if (seq === null) return;
    let drop = 0;
    while (drop < this.backlog.length && (this.backlog[drop]?.s ?? Number.POSITIVE_INFINITY) <= seq) drop++;
    if (drop > 0) this.backlog.splice(0, drop);
  }

  /** Re-attach a connection and replay what came after `fromSeq`; null when that history is gone. */
  resume(socket: WebSocket, fromSeq: number): number | null {
    const oldest = this.backlog[0]?.s ?? this.seq + 1;
    if (fromSeq > this.seq || fromSeq + 1 < oldest) return null;
    if (this.socket && this.socket !== socket) this.socket.terminate();
    this.socket = socket;
    this.resumes += 1;
    const missed = this.backlog.filter((e) => e.s > fromSeq);
    for (const event of missed) socket.send(event.frame);
    return missed.length;
  }
}
