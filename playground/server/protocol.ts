/**
 * What the playground's control API and live feed exchange with the page. Plain JSON: the page imports these
 * types only (`import type`), never server code.
 */
import type {
  ChannelRecord,
  CommandDefinition,
  CommandOptionDefinition,
  CommandRecord,
  MessageRecord,
  UserRecord,
} from '../../testkit/world/records.js';

export type { ChannelRecord, CommandDefinition, CommandOptionDefinition, CommandRecord, MessageRecord, UserRecord };

/** Someone the page can act as. */
export interface RosterMember {
  readonly id: string;
  readonly username: string;
  /** Holds the Moderator role, which has Manage Server. */
  readonly moderator: boolean;
}

export interface ClockState {
  /** The stand-in's (and so the bot's) time, epoch ms. */
  readonly now: number;
  /** The next weekly prompt any guild is due, epoch ms; null when none is scheduled. */
  readonly nextPost: number | null;
  /** The next review reminder any member is due, epoch ms; null when none is on. */
  readonly nextReminder: number | null;
}

/** A roster member's DM channel with the bot. */
export interface DmChannel {
  readonly userId: string;
  readonly channelId: string;
}

/** The first event of every live connection: everything needed to paint the page. */
export interface PlaygroundState {
  readonly guild: { readonly id: string; readonly name: string };
  readonly bot: UserRecord;
  readonly users: readonly UserRecord[];
  readonly roster: readonly RosterMember[];
  /** Text channels of the guild and their threads. */
  readonly channels: readonly ChannelRecord[];
  readonly commands: readonly CommandRecord[];
  /** The guild's messages and the roster's DMs with the bot. */
  readonly messages: readonly MessageRecord[];
  readonly dms: readonly DmChannel[];
  readonly clock: ClockState;
}

/** Server-sent events, in order. A reconnect starts again with 'state'. */
export type LiveEvent =
  | { readonly type: 'state'; readonly state: PlaygroundState }
  | { readonly type: 'message'; readonly message: MessageRecord }
  | { readonly type: 'messageDelete'; readonly id: string; readonly channelId: string }
  | { readonly type: 'channel'; readonly channel: ChannelRecord }
  | { readonly type: 'dm'; readonly dm: DmChannel }
  | { readonly type: 'commands'; readonly commands: readonly CommandRecord[] }
  | { readonly type: 'clock'; readonly clock: ClockState }
  | { readonly type: 'problem'; readonly text: string };

export type OptionValue = string | number | boolean;

interface Acting {
  /** Roster member id. */
  readonly member: string;
}

export interface SlashRequest extends Acting {
  readonly kind: 'slash';
  readonly channelId: string;
  readonly name: string;
  /** 'name' or 'group name'. */
  readonly subcommand?: string;
  readonly options: Readonly<Record<string, OptionValue>>;
}

export interface ButtonRequest extends Acting {
  readonly kind: 'button';
  readonly messageId: string;
  readonly customId: string;
}

export interface SelectRequest extends Acting {
  readonly kind: 'select';
  readonly messageId: string;
  readonly customId: string;
  readonly values: readonly string[];
}

export interface ModalRequest extends Acting {
  readonly kind: 'modal';
  /** The interaction the bot answered with the modal. */
  readonly interactionId: string;
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
}

export type InteractionRequest = SlashRequest | ButtonRequest | SelectRequest | ModalRequest;

export interface AutocompleteRequest extends Acting {
  readonly channelId: string;
  readonly name: string;
  readonly subcommand?: string;
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly focused: string;
}

/** The bot's first answer to an interaction (4 reply, 5 defer, 6/7 update, 9 modal). */
export interface InteractionResult {
  readonly interactionId: string;
  readonly callbackType: number;
  /** For a modal (9): the modal as the bot sent it. */
  readonly modal?: Modal;
}

export interface Modal {
  readonly custom_id: string;
  readonly title: string;
  readonly components: readonly unknown[];
}

export interface Choice {
  readonly name: string;
  readonly value: string | number;
}

export interface JumpResult {
  readonly clock: ClockState;
  /** False when no weekly prompt (or, for the reminder jump, no reminder) was scheduled. */
  readonly jumped: boolean;
  /** Prompts posted, or reminders sent. */
  readonly posted: number;
}

/** Every error answer: what went wrong, in words for the page. */
export interface ApiProblem {
  readonly error: string;
}
