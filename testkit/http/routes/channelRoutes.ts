import type { StandInCore } from '../../core.js';
import { has } from '../../permissions.js';
import { asRecord } from '../../validation/limitIssue.js';
import { isEmptyMessage } from '../../validation/messageLimits.js';
import { apiMessage } from '../../world/apiShapes.js';
import { dmsOf } from '../../world/dms.js';
import { createMessage, editMessage } from '../../world/messageFactory.js';
import type { ChannelRecord } from '../../world/records.js';
import { announceMessage } from '../announce.js';
import { ApiError, apiErrors } from '../apiError.js';
import { channelForBot, channelMessage, requireTextChannel, sendPermission } from '../channelAccess.js';
import type { Route, RouteRequest, RouteResponse } from '../router.js';
import { sendToDm } from './dmRoutes.js';

const MESSAGE = '/channels/{channel_id}/messages/{message_id}';

/** Bot messages in channels and threads: create, read, edit, delete. */
export function channelRoutes(core: StandInCore): Route[] {
  return [
    {
      method: 'POST',
      template: '/channels/{channel_id}/messages',
      auth: 'bot',
      handle: (r) => send(core, r),
    },
    { method: 'GET', template: MESSAGE, auth: 'bot', handle: (r) => read(core, r) },
    { method: 'PATCH', template: MESSAGE, auth: 'bot', handle: (r) => edit(core, r) },
    { method: 'DELETE', template: MESSAGE, auth: 'bot', handle: (r) => remove(core, r) },
  ];
}

function send(core: StandInCore, { params, body }: RouteRequest): RouteResponse {
  const channel = core.world.channels.get(params.channel_id ?? '');
  const recipient = dmsOf(core.world).recipientOf(params.channel_id ?? '');
  if (channel && recipient) return sendToDm(core, channel, recipient, body);
  const allowed = channelForBot(core, params.channel_id ?? '', channel ? [sendPermission(channel)] : []);
  requireTextChannel(allowed);
  if (isEmptyMessage(body)) throw apiErrors.emptyMessage('content, embeds, components, attachments, stickers and poll are all empty');
  checkReference(core, allowed, body);
  const message = createMessage(core.world, body, { channelId: allowed.id, type: 0 });
  announceMessage(core, 'MESSAGE_CREATE', message);
  return { status: 200, body: apiMessage(core.world, message) };
}

function read(core: StandInCore, { params }: RouteRequest): RouteResponse {
  const channel = channelForBot(core, params.channel_id ?? '', ['ReadMessageHistory']);
  return { status: 200, body: apiMessage(core.world, channelMessage(core, channel, params.message_id ?? '')) };
}

function edit(core: StandInCore, { params, body }: RouteRequest): RouteResponse {
  const channel = channelForBot(core, params.channel_id ?? '', []);
  const message = channelMessage(core, channel, params.message_id ?? '');
  if (message.authorId !== core.world.bot.id)
    throw apiErrors.notAuthor(`message ${message.id} was written by ${message.authorId}, not the bot`);
  editMessage(core.world, message, body ?? {});
  announceMessage(core, 'MESSAGE_UPDATE', message);
  return { status: 200, body: apiMessage(core.world, message) };
}

function remove(core: StandInCore, { params }: RouteRequest): RouteResponse {
  const channel = channelForBot(core, params.channel_id ?? '', []);
  const message = channelMessage(core, channel, params.message_id ?? '');
  const mayDelete =
    message.authorId === core.world.bot.id || has(core.world.permissionsIn(channel.id, core.world.bot.id), 'ManageMessages');
  if (!mayDelete) throw apiErrors.missingPermissions(`deleting another user's message in #${channel.name} needs Manage Messages`);
  core.world.deleteMessage(message);
  return { status: 204 };
}

function checkReference(core: StandInCore, channel: ChannelRecord, body: unknown): void {
  const reference = asRecord(asRecord(body).message_reference);
  if (typeof reference.message_id !== 'string' || reference.fail_if_not_exists === false) return;
  const target = core.world.messages.get(reference.message_id);
  if (target && !target.deleted && target.channelId === (reference.channel_id ?? channel.id)) return;
  throw new ApiError(
    400,
    50035,
    'Invalid Form Body',
    `message_reference.message_id ${reference.message_id} is not a message of #${channel.name}`,
    'rejected',
    {
      errors: { message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] } },
    },
  );
}
