import type { ChannelRecord, ClockState, CommandRecord, LiveEvent, MessageRecord, RosterMember, UserRecord } from '../server/protocol.js';

/** A line only this page shows, like Discord's own "The application did not respond". */
export interface Notice {
  readonly id: number;
  readonly channelId: string;
  readonly text: string;
  readonly at: number;
}

export interface Model {
  readonly ready: boolean;
  readonly connected: boolean;
  readonly guild: { readonly id: string; readonly name: string };
  readonly bot: UserRecord | null;
  readonly users: ReadonlyMap<string, UserRecord>;
  readonly roster: readonly RosterMember[];
  readonly channels: ReadonlyMap<string, ChannelRecord>;
  readonly commands: readonly CommandRecord[];
  /** In order of creation; an edit replaces the record in place. */
  readonly messages: ReadonlyMap<string, MessageRecord>;
  /** Each roster member's DM channel with the bot, by user id. */
  readonly dms: ReadonlyMap<string, string>;
  readonly clock: ClockState;
  /** The stand-in's clock minus this page's, so that "now" can be read between clock events. */
  readonly clockOffset: number;
  readonly notices: readonly Notice[];
  /** Requests the stand-in rejected: the bot broke one of Discord's rules. */
  readonly problems: readonly string[];
}

export type Action =
  | LiveEvent
  | { readonly type: 'connected'; readonly connected: boolean }
  | { readonly type: 'notice'; readonly channelId: string; readonly text: string }
  | { readonly type: 'dismissNotice'; readonly id: number };

export const emptyModel: Model = {
  ready: false,
  connected: false,
  guild: { id: '', name: '' },
  bot: null,
  users: new Map(),
  roster: [],
  channels: new Map(),
  commands: [],
  messages: new Map(),
  dms: new Map(),
  clock: { now: 0, nextPost: null, nextReminder: null },
  clockOffset: 0,
  notices: [],
  problems: [],
};

const byId = <T extends { readonly id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
const withEntry = <T>(map: ReadonlyMap<string, T>, id: string, value: T) => new Map(map).set(id, value);
const MAX_PROBLEMS = 20;
let nextNotice = 1;

export function reduce(model: Model, action: Action): Model {
  switch (action.type) {
    case 'state': {
      const { state } = action;
      return {
        ...model,
        ready: true,
        connected: true,
        guild: state.guild,
        bot: state.bot,
        users: byId(state.users),
        roster: state.roster,
        channels: byId(state.channels),
        commands: state.commands,
        messages: byId(state.messages),
        dms: new Map(state.dms.map((dm) => [dm.userId, dm.channelId])),
        clock: state.clock,
        clockOffset: state.clock.now - Date.now(),
      };
    }
    case 'message':
      return { ...model, messages: withEntry(model.messages, action.message.id, action.message) };
    case 'messageDelete': {
      const messages = new Map(model.messages);
      messages.delete(action.id);
      return { ...model, messages };
    }
    case 'channel':
      return { ...model, channels: withEntry(model.channels, action.channel.id, action.channel) };
    case 'dm':
      return { ...model, dms: withEntry(model.dms, action.dm.userId, action.dm.channelId) };
    case 'commands':
      return { ...model, commands: action.commands };
    case 'clock':
      return { ...model, clock: action.clock, clockOffset: action.clock.now - Date.now() };
    case 'problem':
      return { ...model, problems: [...model.problems, action.text].slice(-MAX_PROBLEMS) };
    case 'connected':
      return { ...model, connected: action.connected };
    case 'notice':
      return {
        ...model,
        notices: [
          ...model.notices,
          { id: nextNotice++, channelId: action.channelId, text: action.text, at: Date.now() + model.clockOffset },
        ],
      };
    case 'dismissNotice':
      return { ...model, notices: model.notices.filter((notice) => notice.id !== action.id) };
  }
}

/** What a member sees in a channel or thread: everyone's messages, and ephemeral ones meant for them. */
export function visibleMessages(model: Model, channelId: string, viewerId: string): MessageRecord[] {
  return [...model.messages.values()].filter(
    (message) => message.channelId === channelId && (!message.ephemeral || message.visibleTo === viewerId),
  );
}

export const textChannels = (model: Model) =>
  [...model.channels.values()].filter((channel) => channel.thread === null).sort((a, b) => a.position - b.position);

export const threadsOf = (model: Model, parentId: string) =>
  [...model.channels.values()].filter((channel) => channel.thread !== null && channel.parentId === parentId);
