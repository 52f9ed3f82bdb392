import type { StandInEvents } from '../events.js';
import { type CallRecord, describeCall } from './callLog.js';

/** Every call in order; rejections stay "open" until a test takes them. */
export class CallJournal {
  readonly calls: CallRecord[] = [];
  private readonly byInteraction = new Map<string, CallRecord[]>();
  private readonly taken = new Set<number>();
  private seq = 0;

  constructor(
    private readonly events: StandInEvents,
    private readonly onRejection?: (report: string, call: CallRecord) => void,
  ) {}

  nextSeq(): number {
    return ++this.seq;
  }

  record(call: CallRecord): void {
    this.calls.push(call);
    if (call.interactionId) this.byInteraction.set(call.interactionId, [...this.forInteraction(call.interactionId), call]);
    this.events.publish('call', call);
    if (call.outcome !== 'rejected') return;
    this.events.publish('rejection', call);
    this.onRejection?.(describeCall(call), call);
  }

  forInteraction(interactionId: string): readonly CallRecord[] {
    return this.byInteraction.get(interactionId) ?? [];
  }

  open(): CallRecord[] {
    return this.calls.filter((c) => c.outcome === 'rejected' && !this.taken.has(c.seq));
  }

  take(): CallRecord[] {
    const open = this.open();
    for (const call of open) this.taken.add(call.seq);
    return open;
  }

  /** Drops every call except rejections not yet taken (see StandIn.forgetHistory). */
  forget(): void {
    const open = this.open();
    this.calls.splice(0, this.calls.length, ...open);
    this.byInteraction.clear();
    this.taken.clear();
  }

  /** A gateway protocol violation, recorded as a rejected call with method 'WS'. */
  recordGatewayProblem(at: number, path: string, code: number, reason: string): void {
    this.record({
      seq: this.nextSeq(),
      at,
      method: 'WS',
      path,
      route: 'GATEWAY',
      query: {},
      body: undefined,
      auth: 'bot',
      status: code,
      response: undefined,
      outcome: 'rejected',
      error: { code, message: 'gateway connection closed', reason },
      interactionId: null,
    });
  }
}
