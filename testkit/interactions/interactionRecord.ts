export type InteractionKind = 'slash' | 'autocomplete' | 'button' | 'select' | 'modal';

export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

export const CallbackType = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

export interface InteractionCallback {
  readonly type: number;
  readonly data: unknown;
  /** Stand-in clock time the callback was accepted. */
  readonly at: number;
}

/** An interaction the stand-in dispatched, and everything the bot did in answer. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  readonly kind: InteractionKind;
  /** Command name, or the custom_id of the component or modal. */
  readonly name: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly userId: string;
  /** Stand-in clock time of dispatch: the 3-second and 15-minute rules count from here. */
  readonly dispatchedAt: number;
  readonly shard: readonly [number, number] | null;
  /** The message a component (or a modal opened from one) sits on. */
  readonly sourceMessageId: string | null;
  callback: InteractionCallback | null;
  /** What @original means for this interaction: the reply (4/5) or the component's message (6/7). */
  originalMessageId: string | null;
  followUpIds: string[];
  /** Edits of @original through the webhook (PATCH) since the callback. */
  originalEdits: number;
  /** The INTERACTION_CREATE payload as dispatched. */
  readonly payload: Record<string, unknown>;
}

export class InteractionStore {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  add(record: InteractionRecord): void {
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
  }

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  withToken(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  clear(): void {
    this.byId.clear();
    this.byToken.clear();
  }

  all(): InteractionRecord[] {
    return [...this.byId.values()];
  }
}
