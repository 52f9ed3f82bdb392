import type { StandInCore } from '../../core.js';
import type { InteractionRecord } from '../../interactions/interactionRecord.js';
import { checkWebhook } from '../../interactions/rules.js';
import { isEmptyMessage } from '../../validation/messageLimits.js';
import { apiMessage } from '../../world/apiShapes.js';
import { createMessage, editMessage, isLoading } from '../../world/messageFactory.js';
import type { MessageRecord } from '../../world/records.js';
import { announceMessage } from '../announce.js';
import { apiErrors } from '../apiError.js';
import type { Method, Route, RouteRequest, RouteResponse } from '../router.js';

const BASE = '/webhooks/{webhook_id}/{webhook_token}';
const CHAT_INPUT_RESPONSE = 20;

/** The interaction webhook: follow-ups, and reading, editing and deleting the original response and follow-ups. */
export function webhookRoutes(core: StandInCore): Route[] {
  const interactionOf = ({ params }: RouteRequest) =>
    checkWebhook(
      core.interactions.withToken(params.webhook_token ?? ''),
      core.applicationId,
      params.webhook_id ?? '',
      core.clock.now(),
      core.rules,
    );
  const messageRoutes = (template: string, pick: (record: InteractionRecord, request: RouteRequest) => MessageRecord) =>
    (['GET', 'PATCH', 'DELETE'] as const).map(
      (method: Method): Route => ({
        method,
        template,
        auth: 'webhook',
        handle: (request) => {
          const record = interactionOf(request);
          return onMessage(core, method, record, pick(record, request), request.body);
        },
      }),
    );
  return [
    {
      method: 'POST',
      template: BASE,
      auth: 'webhook',
      handle: (request) => followUp(core, interactionOf(request), request),
    },
    ...messageRoutes(`${BASE}/messages/@original`, (record) => original(core, record)),
    ...messageRoutes(`${BASE}/messages/{message_id}`, (record, { params }) => ownMessage(core, record, params.message_id ?? '')),
  ];
}

function followUp(core: StandInCore, record: InteractionRecord, { body, query }: RouteRequest): RouteResponse {
  if (isEmptyMessage(body)) throw apiErrors.emptyMessage('the follow-up has no content, embeds, components or attachments');
  const deferred = record.originalMessageId ? core.world.messages.get(record.originalMessageId) : undefined;
  const message =
    deferred && isLoading(deferred) && !deferred.deleted
      ? fill(core, deferred, body)
      : createFollowUp(core, record, body, query.get('thread_id') ?? record.channelId);
  return query.get('wait') === 'true' ? { status: 200, body: apiMessage(core.world, message) } : { status: 204 };
}

/** Discord: the first follow-up after a deferred reply (type 5) replaces the "is thinking…" message, keeping its ephemerality. */
function fill(core: StandInCore, deferred: MessageRecord, body: unknown): MessageRecord {
  const { flags: _ignored, ...rest } = (body ?? {}) as Record<string, unknown>;
  const message = editMessage(core.world, deferred, rest);
  announceMessage(core, 'MESSAGE_UPDATE', message);
  return message;
}

function createFollowUp(core: StandInCore, record: InteractionRecord, body: unknown, channelId: string): MessageRecord {
  const type = record.type === 2 ? CHAT_INPUT_RESPONSE : 0;
  const message = createMessage(core.world, body, {
    channelId,
    type,
    interaction: record,
    followUpOf: record.originalMessageId ?? undefined,
  });
  record.followUpIds.push(message.id);
  announceMessage(core, 'MESSAGE_CREATE', message);
  return message;
}

function onMessage(core: StandInCore, method: Method, record: InteractionRecord, message: MessageRecord, body: unknown): RouteResponse {
  if (method === 'GET') return { status: 200, body: apiMessage(core.world, message) };
  if (method === 'DELETE') {
    core.world.deleteMessage(message);
    return { status: 204 };
  }
  editMessage(core.world, message, body ?? {});
  if (message.id === record.originalMessageId) record.originalEdits += 1;
  announceMessage(core, 'MESSAGE_UPDATE', message);
  return { status: 200, body: apiMessage(core.world, message) };
}

function original(core: StandInCore, record: InteractionRecord): MessageRecord {
  const message = record.originalMessageId ? core.world.messages.get(record.originalMessageId) : undefined;
  if (!message || message.deleted) {
    throw apiErrors.unknownMessage(
      `interaction ${record.id} has no original response message (its callback was type ${record.callback?.type}${message?.deleted ? ', and it was deleted' : ''})`,
    );
  }
  return message;
}

function ownMessage(core: StandInCore, record: InteractionRecord, messageId: string): MessageRecord {
  const own = messageId === record.originalMessageId || record.followUpIds.includes(messageId);
  const message = core.world.messages.get(messageId);
  if (!own || !message || message.deleted)
    throw apiErrors.unknownMessage(`message ${messageId} is not a live response or follow-up of interaction ${record.id}`);
  return message;
}
