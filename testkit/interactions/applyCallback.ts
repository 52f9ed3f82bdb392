import type { StandInCore } from '../core.js';
import { announceMessage } from '../http/announce.js';
import { apiErrors } from '../http/apiError.js';
import { isEmptyMessage } from '../validation/messageLimits.js';
import { createMessage, editMessage } from '../world/messageFactory.js';
import type { MessageRecord } from '../world/records.js';
import { CallbackType, type InteractionRecord, InteractionType } from './interactionRecord.js';

const CHAT_INPUT_RESPONSE = 20;
const DEFAULT_MESSAGE = 0;

/** What an accepted callback does to the world, by callback type, as Discord does it. */
export function applyCallback(core: StandInCore, record: InteractionRecord, type: number, data: unknown): MessageRecord | null {
  const message = visibleEffect(core, record, type, data);
  record.callback = { type, data: data ?? null, at: core.clock.now() };
  core.events.publish('callback', record);
  return message;
}

function visibleEffect(core: StandInCore, record: InteractionRecord, type: number, data: unknown): MessageRecord | null {
  switch (type) {
    case CallbackType.ChannelMessageWithSource:
      if (isEmptyMessage(data))
        throw apiErrors.emptyMessage('the reply (callback type 4) has no content, embeds, components or attachments');
      return reply(core, record, data, false);
    case CallbackType.DeferredChannelMessageWithSource:
      return reply(core, record, { flags: (data as { flags?: number } | null)?.flags ?? 0 }, true);
    case CallbackType.DeferredUpdateMessage:
      record.originalMessageId = sourceMessage(core, record).id;
      return null;
    case CallbackType.UpdateMessage: {
      const source = editMessage(core.world, sourceMessage(core, record), data ?? {});
      record.originalMessageId = source.id;
      announceMessage(core, 'MESSAGE_UPDATE', source);
      return source;
    }
    default:
      return null;
  }
}

function reply(core: StandInCore, record: InteractionRecord, data: unknown, loading: boolean): MessageRecord {
  const type = record.type === InteractionType.ApplicationCommand ? CHAT_INPUT_RESPONSE : DEFAULT_MESSAGE;
  const message = createMessage(core.world, data, { channelId: record.channelId, type, interaction: record, loading });
  record.originalMessageId = message.id;
  announceMessage(core, 'MESSAGE_CREATE', message);
  return message;
}

function sourceMessage(core: StandInCore, record: InteractionRecord): MessageRecord {
  const message = record.sourceMessageId ? core.world.messages.get(record.sourceMessageId) : undefined;
  if (!message || message.deleted)
    throw apiErrors.unknownMessage(`the message of interaction ${record.id} (${record.sourceMessageId}) no longer exists`);
  return message;
}
