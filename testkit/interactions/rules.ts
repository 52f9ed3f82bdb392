import { ApiError, apiErrors } from '../http/apiError.js';
import { type InteractionRecord, InteractionType } from './interactionRecord.js';

export interface InteractionRules {
  /** First response deadline: Discord's 3 seconds. */
  readonly responseDeadlineMs: number;
  /** Interaction token lifetime for follow-ups and edits: Discord's 15 minutes. */
  readonly tokenLifetimeMs: number;
}

export const DISCORD_RULES: InteractionRules = { responseDeadlineMs: 3_000, tokenLifetimeMs: 15 * 60_000 };

const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.Autocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

/** Discord's rules for POST /interactions/{id}/{token}/callback, in the order Discord applies them. */
export function checkCallback(
  record: InteractionRecord | undefined,
  token: string,
  callbackType: number,
  now: number,
  rules: InteractionRules,
): InteractionRecord {
  if (!record || record.token !== token) throw apiErrors.unknownInteraction('no interaction with this id and token was dispatched');
  if (record.callback) {
    throw apiErrors.alreadyAcknowledged(
      `interaction ${record.id} (${record.kind} ${record.name}) was already answered with callback type ${record.callback.type}; this second callback (type ${callbackType}) is refused`,
    );
  }
  const elapsed = now - record.dispatchedAt;
  if (elapsed > rules.responseDeadlineMs) {
    throw apiErrors.unknownInteraction(
      `the first callback came ${elapsed} ms after the interaction was dispatched; Discord allows ${rules.responseDeadlineMs} ms (defer first when the work takes longer)`,
    );
  }
  const allowed = ALLOWED_CALLBACKS[record.type] ?? [];
  const fromComponent = record.sourceMessageId !== null;
  if (!allowed.includes(callbackType) || ((callbackType === 6 || callbackType === 7) && !fromComponent)) {
    throw new ApiError(
      400,
      50035,
      'Invalid Form Body',
      `callback type ${callbackType} cannot answer a ${record.kind} interaction${fromComponent ? '' : ' that has no message'} (allowed: ${allowed.join(', ')})`,
      'rejected',
      {
        errors: {
          type: {
            _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'Interaction response type is invalid for this interaction.' }],
          },
        },
      },
    );
  }
  return record;
}

/** Discord's rules for the interaction webhook (/webhooks/{application_id}/{token}…): known, acknowledged, not expired. */
export function checkWebhook(
  record: InteractionRecord | undefined,
  applicationId: string,
  webhookId: string,
  now: number,
  rules: InteractionRules,
): InteractionRecord {
  if (webhookId !== applicationId) throw apiErrors.unknownWebhook(`webhook id ${webhookId} is not the application id ${applicationId}`);
  if (!record) throw apiErrors.unknownWebhook('no interaction was dispatched with this token');
  const age = now - record.dispatchedAt;
  if (age > rules.tokenLifetimeMs) {
    throw apiErrors.unknownInteraction(
      `the interaction token is ${formatAge(age)} old; tokens are valid for ${formatAge(rules.tokenLifetimeMs)}`,
    );
  }
  if (!record.callback)
    throw apiErrors.unknownWebhook(`interaction ${record.id} has not been acknowledged with a callback yet, so it has no webhook`);
  return record;
}

function formatAge(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${ms} ms`;
}
