import type { StandInCore } from '../core.js';
import { has, type PermissionName } from '../permissions.js';
import { type ChannelRecord, ChannelType, type MessageRecord } from '../world/records.js';
import { apiErrors } from './apiError.js';

const TEXT_TYPES = new Set<number>([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.AnnouncementThread,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
]);

/** The channel, if it exists and the bot may do this there (View Channel plus `needs`), as Discord checks. */
export function channelForBot(core: StandInCore, channelId: string, needs: readonly PermissionName[]): ChannelRecord {
  const channel = core.world.channels.get(channelId);
  if (!channel) throw apiErrors.unknownChannel(`no channel ${channelId} exists in the stand-in`);
  const permissions = core.world.permissionsIn(channelId, core.world.bot.id);
  if (!has(permissions, 'ViewChannel'))
    throw apiErrors.missingAccess(`the bot cannot see #${channel.name} (${channelId}): it lacks View Channel`);
  const missing = needs.filter((name) => !has(permissions, name));
  if (missing.length > 0) throw apiErrors.missingPermissions(`the bot lacks ${missing.join(', ')} in #${channel.name} (${channelId})`);
  return channel;
}

export function sendPermission(channel: ChannelRecord): PermissionName {
  return channel.thread ? 'SendMessagesInThreads' : 'SendMessages';
}

export function requireTextChannel(channel: ChannelRecord): void {
  if (!TEXT_TYPES.has(channel.type))
    throw apiErrors.nonTextChannel(`#${channel.name} is of type ${channel.type}; messages go to text channels and threads`);
}

/** A message of this channel that the bot can address through the channel routes (not ephemeral, not deleted). */
export function channelMessage(core: StandInCore, channel: ChannelRecord, messageId: string): MessageRecord {
  const message = core.world.messages.get(messageId);
  if (!message || message.deleted || message.channelId !== channel.id || message.ephemeral) {
    throw apiErrors.unknownMessage(
      `no message ${messageId} in #${channel.name}${message?.ephemeral ? ' (ephemeral messages are reachable only through the interaction webhook)' : ''}`,
    );
  }
  return message;
}
