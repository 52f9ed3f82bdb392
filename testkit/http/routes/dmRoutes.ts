import type { StandInCore } from '../../core.js';
import { isEmptyMessage } from '../../validation/messageLimits.js';
import { apiMessage, apiUser } from '../../world/apiShapes.js';
import { DM_CHANNEL_TYPE, dmsOf } from '../../world/dms.js';
import { createMessage } from '../../world/messageFactory.js';
import type { ChannelRecord } from '../../world/records.js';
import { ApiError, apiErrors } from '../apiError.js';
import type { Route, RouteRequest, RouteResponse } from '../router.js';

/** Direct messages: POST /users/@me/channels opens (or returns) the DM channel with a user. */
export function dmRoutes(core: StandInCore): Route[] {
  return [{ method: 'POST', template: '/users/@me/channels', auth: 'bot', handle: (r) => openDm(core, r) }];
}

function apiDmChannel(core: StandInCore, channel: ChannelRecord, userId: string): Record<string, unknown> {
  const user = core.world.users.get(userId);
  return {
    id: channel.id,
    type: DM_CHANNEL_TYPE,
    last_message_id: channel.lastMessageId,
    flags: 0,
    recipients: user ? [apiUser(user)] : [],
  };
}

function openDm(core: StandInCore, { body }: RouteRequest): RouteResponse {
  const recipient = String((body as { recipient_id?: unknown } | undefined)?.recipient_id ?? '');
  const user = core.world.users.get(recipient);
  if (!user) throw new ApiError(400, 50035, 'Invalid Form Body', `recipient_id ${recipient} is no user the stand-in knows`);
  if (user.bot) throw new ApiError(400, 50007, 'Cannot send messages to this user', `${user.username} is a bot`);
  return { status: 200, body: apiDmChannel(core, dmsOf(core.world).channelFor(user.id), user.id) };
}

/**
 * A bot message into a DM channel (POST /channels/{id}/messages on a DM). A user who does not accept DMs from
 * the bot gets Discord's 403 50007; the bot has no Direct Messages intent, so no gateway event is sent.
 */
export function sendToDm(core: StandInCore, channel: ChannelRecord, recipient: string, body: unknown): RouteResponse {
  if (!dmsOf(core.world).accepts(recipient)) {
    const name = core.world.users.get(recipient)?.username ?? recipient;
    throw new ApiError(403, 50007, 'Cannot send messages to this user', `${name} does not accept direct messages from the bot`, 'refused');
  }
  if (isEmptyMessage(body)) throw apiErrors.emptyMessage('content, embeds, components, attachments, stickers and poll are all empty');
  const message = createMessage(core.world, body, { channelId: channel.id, type: 0 });
  return { status: 200, body: apiMessage(core.world, message) };
}
