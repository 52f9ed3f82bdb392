import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeCall, type MessageRecord, type StandIn, type StandInEventMap } from '../../testkit/index.js';
import type { ClockControl } from './clockControl.js';
import type { DmChannel, LiveEvent, PlaygroundState, RosterMember } from './protocol.js';

const KEEPALIVE_MS = 15_000;
const TEXT_CHANNEL = 0;

/**
 * The page's live mirror of the stand-in, as server-sent events: a 'state' event on connect, then every
 * message, edit, deletion, thread, command registration and clock change in the playground's guild.
 */
export class LiveFeed {
  private readonly clients = new Set<ServerResponse>();
  private readonly detach: () => void;
  private lastClock = '';
  /** DM channels the pages have been told about. */
  private readonly knownDms = new Set<string>();
  private readonly keepalive: NodeJS.Timeout;

  constructor(
    private readonly standIn: StandIn,
    private readonly guildId: string,
    private readonly roster: readonly RosterMember[],
    private readonly clock: ClockControl,
  ) {
    const onMessage = (message: MessageRecord) => this.shown(message) && this.broadcast({ type: 'message', message });
    const listeners: { [K in keyof StandInEventMap]?: (...args: StandInEventMap[K]) => void } = {
      message: onMessage,
      messageUpdate: onMessage,
      messageDelete: (message) =>
        this.inGuild(message.guildId) && this.broadcast({ type: 'messageDelete', id: message.id, channelId: message.channelId }),
      thread: (channel) => this.inGuild(channel.guildId) && this.broadcast({ type: 'channel', channel }),
      commands: () => this.broadcast({ type: 'commands', commands: this.commands() }),
      rejection: (call) => this.broadcast({ type: 'problem', text: describeCall(call) }),
      change: () => this.clockChanged(),
    };
    // One table, so what is attached is exactly what detach() removes.
    const subscriptions = Object.entries(listeners) as [keyof StandInEventMap, (...args: never[]) => void][];
    for (const [event, listener] of subscriptions) standIn.events.on(event, listener);
    this.detach = () => {
      for (const [event, listener] of subscriptions) standIn.events.off(event, listener);
    };
    this.keepalive = setInterval(() => {
      for (const client of this.clients) client.write(': keepalive\n\n');
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  /** Answers GET /api/live: the stream stays open until the page goes away or the playground stops. */
  connect(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    this.clients.add(response);
    request.on('close', () => this.clients.delete(response));
    this.send(response, { type: 'state', state: this.state() });
  }

  /** Sends the clock to every page when it was moved (its offset from the wall clock changed) or the next post moved. */
  clockChanged(): void {
    const clock = this.clock.state();
    const key = `${Math.round((clock.now - Date.now()) / 1000)}:${clock.nextPost}:${clock.nextReminder}`;
    if (key === this.lastClock) return;
    this.lastClock = key;
    this.broadcast({ type: 'clock', clock });
  }

  close(): void {
    this.detach();
    clearInterval(this.keepalive);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private state(): PlaygroundState {
    const snapshot = this.standIn.snapshot();
    const guild = snapshot.guilds.find((g) => g.id === this.guildId);
    if (!guild) throw new Error(`the stand-in has no guild ${this.guildId}`);
    return {
      guild: { id: guild.id, name: guild.name },
      bot: snapshot.bot,
      users: snapshot.users,
      roster: this.roster,
      channels: snapshot.channels.filter((c) => c.guildId === guild.id && (c.type === TEXT_CHANNEL || c.thread !== null)),
      commands: this.commands(),
      messages: snapshot.messages.filter((m) => m.guildId === guild.id || this.dmOf(m.channelId)),
      dms: this.dms(snapshot.messages),
      clock: this.clock.state(),
    };
  }

  private dms(messages: readonly MessageRecord[]): DmChannel[] {
    const found = new Map<string, DmChannel>();
    for (const message of messages) {
      const dm = this.dmOf(message.channelId);
      if (dm) found.set(dm.channelId, dm);
    }
    for (const channelId of found.keys()) this.knownDms.add(channelId);
    return [...found.values()];
  }

  private commands() {
    return [...this.standIn.registeredCommands(null), ...this.standIn.registeredCommands(this.guildId)];
  }

  private inGuild(guildId: string): boolean {
    return guildId === this.guildId;
  }

  /** A guild message, or a DM to a roster member (announcing the DM channel the first time). */
  private shown(message: MessageRecord): boolean {
    if (this.inGuild(message.guildId)) return true;
    const dm = this.dmOf(message.channelId);
    if (!dm) return false;
    if (!this.knownDms.has(dm.channelId)) {
      this.knownDms.add(dm.channelId);
      this.broadcast({ type: 'dm', dm });
    }
    return true;
  }

  private dmOf(channelId: string): DmChannel | undefined {
    const userId = this.standIn.dmRecipientOf(channelId);
    return userId !== undefined && this.roster.some((m) => m.id === userId) ? { userId, channelId } : undefined;
  }

  private broadcast(event: LiveEvent): void {
    for (const client of this.clients) this.send(client, event);
  }

  private send(client: ServerResponse, event: LiveEvent): void {
    client.write(`data: ${JSON.stringify(event)}\n\n`);
  }
}
