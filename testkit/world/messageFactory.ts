import { apiErrors } from '../http/apiError.js';
import type { InteractionRecord } from '../interactions/interactionRecord.js';
import { asArray, asRecord } from '../validation/limitIssue.js';
import { isEmptyMessage } from '../validation/messageLimits.js';
import { apiUser } from './apiShapes.js';
import { withFileData } from './attachments.js';
import { pingsOf } from './mentions.js';
import type { AllowedMentions, MessageRecord } from './records.js';
import type { World } from './world.js';

export const MessageFlag = { SuppressEmbeds: 4, Ephemeral: 64, Loading: 128, SuppressNotifications: 4096, IsComponentsV2: 32768 } as const;
const SETTABLE_ON_CREATE = MessageFlag.SuppressEmbeds | MessageFlag.SuppressNotifications | MessageFlag.IsComponentsV2;
const SETTABLE_ON_EDIT = MessageFlag.SuppressEmbeds | MessageFlag.IsComponentsV2;

export interface MessageOrigin {
  readonly channelId: string;
  /** Discord message type: 0 default, 19 reply, 20 chat-input command response. */
  readonly type: number;
  /** Set for replies, deferred replies and follow-ups: makes it a webhook message that may be ephemeral. */
  readonly interaction?: InteractionRecord;
  /** A deferred reply ("is thinking…") that a later edit or follow-up fills. */
  readonly loading?: boolean;
  readonly followUpOf?: string;
}

export function createMessage(world: World, body: unknown, origin: MessageOrigin): MessageRecord {
  const b = asRecord(body);
  const channel = world.channels.get(origin.channelId);
  const interaction = origin.interaction;
  const requested = typeof b.flags === 'number' ? b.flags : 0;
  const ephemeral = interaction !== undefined && (requested & MessageFlag.Ephemeral) !== 0;
  const flags = (requested & SETTABLE_ON_CREATE) | (ephemeral ? MessageFlag.Ephemeral : 0) | (origin.loading ? MessageFlag.Loading : 0);
  const allowedMentions = b.allowed_mentions ? (b.allowed_mentions as AllowedMentions) : null;
  const reference = b.message_reference ? (asRecord(b.message_reference) as MessageRecord['messageReference']) : null;
  const content = typeof b.content === 'string' ? b.content : '';
  const message: MessageRecord = {
    id: world.ids.next(),
    channelId: origin.channelId,
    guildId: channel?.guildId ?? '',
    authorId: world.bot.id,
    type: reference ? 19 : origin.type,
    content,
    embeds: asArray(b.embeds),
    components: asArray(b.components),
    attachments: withFileData(asArray(b.attachments), body),
    flags,
    tts: b.tts === true,
    allowedMentions,
    pings: pingsOf(content, allowedMentions, reference !== null),
    messageReference: reference,
    createdAt: world.clock.now(),
    editedAt: null,
    revision: 0,
    ephemeral,
    visibleTo: ephemeral && interaction ? interaction.userId : null,
    interactionId: interaction?.id ?? null,
    interactionMetadata: interaction ? interactionMetadata(world, interaction, origin.followUpOf) : null,
    webhookId: interaction ? world.bot.id : null,
    threadId: null,
    deleted: false,
  };
  world.addMessage(message);
  return message;
}

/** A PATCH: fields present in the body replace the message's; a deferred reply stops loading. */
export function editMessage(world: World, message: MessageRecord, body: unknown): MessageRecord {
  if (editLeavesEmpty(message, body))
    throw apiErrors.emptyMessage(`the edit would leave message ${message.id} with no content, embeds, components or attachments`);
  const b = asRecord(body);
  if ('content' in b) message.content = typeof b.content === 'string' ? b.content : '';
  if ('embeds' in b) message.embeds = asArray(b.embeds);
  if ('components' in b) message.components = asArray(b.components);
  if ('attachments' in b) message.attachments = withFileData(asArray(b.attachments), body);
  if (b.allowed_mentions !== undefined) message.allowedMentions = b.allowed_mentions ? (b.allowed_mentions as AllowedMentions) : null;
  if (typeof b.flags === 'number') message.flags = (message.flags & ~SETTABLE_ON_EDIT) | (b.flags & SETTABLE_ON_EDIT);
  message.flags &= ~MessageFlag.Loading;
  message.pings = pingsOf(message.content, message.allowedMentions, message.messageReference !== null);
  world.touchMessage(message);
  return message;
}

/** Whether this edit would leave the message showing nothing (Discord refuses that with 50006). */
export function editLeavesEmpty(message: MessageRecord, body: unknown): boolean {
  const b = asRecord(body);
  const pick = (key: 'content' | 'embeds' | 'components' | 'attachments') => (key in b ? b[key] : message[key]);
  return isEmptyMessage({
    content: pick('content'),
    embeds: pick('embeds'),
    components: pick('components'),
    attachments: pick('attachments'),
  });
}

export function isLoading(message: MessageRecord): boolean {
  return (message.flags & MessageFlag.Loading) !== 0;
}

function interactionMetadata(world: World, interaction: InteractionRecord, followUpOf?: string): Record<string, unknown> {
  const user = world.users.get(interaction.userId);
  return {
    id: interaction.id,
    type: interaction.type,
    user: user ? apiUser(user) : { id: interaction.userId },
    authorizing_integration_owners: { '0': interaction.guildId },
    ...(interaction.type === 2 ? { name: interaction.name, command_type: 1 } : {}),
    ...(interaction.sourceMessageId ? { interacted_message_id: interaction.sourceMessageId } : {}),
    ...(followUpOf ? { original_response_message_id: followUpOf } : {}),
  };
}
