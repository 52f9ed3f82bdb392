import type { StandInCore } from '../core.js';
import { Intent } from '../gateway/opcodes.js';
import { apiChannel, apiMessage } from '../world/apiShapes.js';
import type { ChannelRecord, MessageRecord } from '../world/records.js';

/** Tells the owning shard about a message, when its intents ask for messages (Guild Messages) and others can see it. */
export function announceMessage(core: StandInCore, t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: MessageRecord): void {
  if (message.ephemeral) return;
  const session = core.gateway.sessionFor(message.guildId);
  if (session && (session.intents & Intent.GuildMessages) !== 0) session.dispatch(t, apiMessage(core.world, message));
}

/** THREAD_CREATE goes to every shard with the Guilds intent that owns the guild. */
export function announceThread(core: StandInCore, thread: ChannelRecord): void {
  const session = core.gateway.sessionFor(thread.guildId);
  if (session && (session.intents & Intent.Guilds) !== 0) session.dispatch('THREAD_CREATE', { ...apiChannel(thread), newly_created: true });
}
