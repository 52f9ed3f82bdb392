import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** What rendering needs beyond a message: names for mentions, and the stand-in's "now" for relative times. */
export interface Lookup {
  readonly botId: string;
  userName(id: string): string | undefined;
  channelName(id: string): string | undefined;
  roleName(id: string): string | undefined;
  /** The stand-in's current time (epoch ms). */
  now(): number;
  /** Opens a channel or thread when its mention is clicked. */
  openChannel(id: string): void;
}

export const LookupContext = createContext<Lookup>({
  botId: '',
  userName: () => undefined,
  channelName: () => undefined,
  roleName: () => undefined,
  now: () => Date.now(),
  openChannel: () => undefined,
});

export const useLookup = () => useContext(LookupContext);
