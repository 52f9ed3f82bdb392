import type { StandInCore } from '../../core.js';
import { applyCallback } from '../../interactions/applyCallback.js';
import type { InteractionRecord } from '../../interactions/interactionRecord.js';
import { checkCallback } from '../../interactions/rules.js';
import { asRecord } from '../../validation/limitIssue.js';
import { apiMessage } from '../../world/apiShapes.js';
import type { MessageRecord } from '../../world/records.js';
import type { Route } from '../router.js';

export function interactionRoutes(core: StandInCore): Route[] {
  return [
    {
      method: 'POST',
      template: '/interactions/{interaction_id}/{interaction_token}/callback',
      auth: 'webhook',
      handle: ({ params, query, body }) => {
        const { type, data } = asRecord(body);
        const callbackType = Number(type);
        const record = checkCallback(
          core.interactions.get(params.interaction_id ?? ''),
          params.interaction_token ?? '',
          callbackType,
          core.clock.now(),
          core.rules,
        );
        const message = applyCallback(core, record, callbackType, data);
        if (query.get('with_response') !== 'true') return { status: 204 };
        return { status: 200, body: callbackResponse(core, record, callbackType, message) };
      },
    },
  ];
}

function callbackResponse(
  core: StandInCore,
  record: InteractionRecord,
  type: number,
  message: MessageRecord | null,
): Record<string, unknown> {
  return {
    interaction: {
      id: record.id,
      type: record.type,
      ...(message
        ? { response_message_id: message.id, response_message_loading: type === 5, response_message_ephemeral: message.ephemeral }
        : {}),
    },
    resource: { type, ...(message ? { message: apiMessage(core.world, message) } : {}) },
  };
}
