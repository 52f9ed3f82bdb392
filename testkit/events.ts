import { EventEmitter } from 'node:events';
import type { CallRecord } from './http/callLog.js';
import type { InteractionRecord } from './interactions/interactionRecord.js';
import type { ChannelRecord, MessageRecord } from './world/records.js';

export interface GatewayEvent {
  readonly type: 'connect' | 'identify' | 'ready' | 'resume' | 'resumed' | 'invalid-session' | 'close';
  readonly shard: readonly [number, number] | null;
  readonly sessionId: string | null;
  readonly detail?: string;
}

/**
 * Everything the stand-in observes, for tests and for a live mirror (the playground). Every payload is plain
 * JSON-serialisable data. 'change' fires after any of the others, for waitFor().
 */
export interface StandInEventMap {
  message: [MessageRecord];
  messageUpdate: [MessageRecord];
  messageDelete: [MessageRecord];
  thread: [ChannelRecord];
  interaction: [InteractionRecord];
  callback: [InteractionRecord];
  commands: [{ guildId: string | null }];
  call: [CallRecord];
  rejection: [CallRecord];
  gateway: [GatewayEvent];
  change: [];
}

export class StandInEvents extends EventEmitter<StandInEventMap> {
  constructor() {
    super();
    this.setMaxListeners(0);
  }

  publish<K extends Exclude<keyof StandInEventMap, 'change'>>(event: K, ...args: StandInEventMap[K]): void {
    (this.emit as (e: K, ...a: StandInEventMap[K]) => boolean)(event, ...args);
    this.emit('change');
  }
}
