import type { StandInCore } from '../core.js';
import { type CallRecord, describeCall, StandInRejectionError } from '../http/callLog.js';
import { waitFor } from '../waitFor.js';
import { isLoading } from '../world/messageFactory.js';
import type { MessageRecord } from '../world/records.js';
import { CallbackType, type InteractionCallback, type InteractionRecord } from './interactionRecord.js';

export interface Choice {
  readonly name: string;
  readonly value: string | number;
}

export interface AwaitOptions {
  /** Real milliseconds to wait (default: the stand-in's waitTimeoutMs). */
  readonly timeoutMs?: number;
}

/**
 * What a test holds after driving an interaction: await the bot's callback, the message it shows, its
 * autocomplete choices or modal, and its follow-ups. Every wait fails at once, with the request and the
 * reason, if the stand-in rejected something the bot sent for this interaction.
 */
export class InteractionHandle {
  constructor(
    private readonly core: StandInCore,
    private readonly callsOf: (interactionId: string) => readonly CallRecord[],
    readonly record: InteractionRecord,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  /** The INTERACTION_CREATE payload that was dispatched. */
  get payload(): Record<string, unknown> {
    return this.record.payload;
  }

  /** The first accepted callback: its type (4 reply, 5 defer, 6 deferred update, 7 update, 8 choices, 9 modal) and data. */
  callback(options: AwaitOptions = {}): Promise<InteractionCallback> {
    return this.wait(() => this.record.callback, 'the bot to answer (interaction callback)', options);
  }

  /**
   * The message the interaction ends up showing: the reply (4), the deferred reply once edited or filled (5),
   * the component's message once edited through @original (6), or the updated message (7).
   */
  reply(options: AwaitOptions = {}): Promise<MessageRecord> {
    return this.wait(() => this.shownMessage(), 'the reply message', options);
  }

  async choices(options: AwaitOptions = {}): Promise<Choice[]> {
    const callback = await this.callback(options);
    if (callback.type !== CallbackType.AutocompleteResult)
      throw new Error(`${this.label()} was answered with callback type ${callback.type}, not autocomplete choices (8)`);
    return ((callback.data as { choices?: Choice[] } | null)?.choices ?? []) as Choice[];
  }

  async modal(options: AwaitOptions = {}): Promise<Record<string, unknown>> {
    const callback = await this.callback(options);
    if (callback.type !== CallbackType.Modal)
      throw new Error(`${this.label()} was answered with callback type ${callback.type}, not a modal (9)`);
    return callback.data as Record<string, unknown>;
  }

  /** The n-th follow-up message (0 = first). After a deferred reply, the first follow-up fills the reply instead: use reply(). */
  followUp(index = 0, options: AwaitOptions = {}): Promise<MessageRecord> {
    return this.wait(() => this.message(this.record.followUpIds[index]), `follow-up #${index}`, options);
  }

  followUps(): MessageRecord[] {
    return this.record.followUpIds.flatMap((id) => this.message(id) ?? []);
  }

  original(): MessageRecord | undefined {
    return this.message(this.record.originalMessageId ?? undefined);
  }

  calls(): CallRecord[] {
    return [...this.callsOf(this.record.id)];
  }

  rejections(): CallRecord[] {
    return this.callsOf(this.record.id).filter((c) => c.outcome === 'rejected');
  }

  private shownMessage(): MessageRecord | undefined {
    const callback = this.record.callback;
    if (!callback) return undefined;
    const original = this.original();
    switch (callback.type) {
      case CallbackType.ChannelMessageWithSource:
      case CallbackType.UpdateMessage:
        return original;
      case CallbackType.DeferredChannelMessageWithSource:
        return original && !isLoading(original) ? original : undefined;
      case CallbackType.DeferredUpdateMessage:
        return this.record.originalEdits > 0 ? original : undefined;
      default:
        throw new Error(
          `${this.label()} was answered with callback type ${callback.type}, which shows no message (use choices() or modal())`,
        );
    }
  }

  private wait<T>(probe: () => T | undefined | null, description: string, options: AwaitOptions): Promise<T> {
    return waitFor(
      this.core.events,
      () => {
        const value = probe();
        if (value !== undefined && value !== null) return value;
        const rejected = this.rejections();
        if (rejected.length > 0) throw new StandInRejectionError(rejected, `The stand-in rejected what the bot sent for ${this.label()}`);
        return undefined;
      },
      {
        timeoutMs: options.timeoutMs ?? this.core.waitTimeoutMs,
        description: `${description} of ${this.label()}`,
        context: () => this.context(),
      },
    );
  }

  private message(id: string | undefined): MessageRecord | undefined {
    const message = id ? this.core.world.messages.get(id) : undefined;
    return message && !message.deleted ? message : undefined;
  }

  private label(): string {
    return `${this.record.kind} '${this.record.name}' (interaction ${this.record.id})`;
  }

  private context(): string {
    const calls = this.calls();
    const state = this.record.callback ? `callback type ${this.record.callback.type} accepted` : 'no callback accepted';
    return [`  ${state}; requests for this interaction: ${calls.length}`, ...calls.map((c) => describeCall(c).replace(/^/gm, '    '))].join(
      '\n',
    );
  }
}
