import { z } from 'zod';
import { customId } from './customId.js';

/**
 * Every custom_id of the stance buttons on weekly posts and the suggestion review. The take button carries only
 * the position: the round is the message the button sits on, and the clicker's own id is whose stance it is.
 */
const position = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(60);
const suggestion = z.coerce.number().int().min(1).max(1_000_000);

export const takeId = customId('stance:take', z.object({ position }));
export const suggestFormId = customId('stance:suggestform', z.object({}));
export const approveId = customId('stance:approve', z.object({ id: suggestion }));
export const editId = customId('stance:edit', z.object({ id: suggestion }));
export const editFormId = customId('stance:editform', z.object({ id: suggestion }));
export const declineId = customId('stance:decline', z.object({ id: suggestion }));
export const declineFormId = customId('stance:declineform', z.object({ id: suggestion }));

/** The text inputs of the suggestion modal and the decline modal. */
export const SUGGEST_FIELDS = { title: 'title', text: 'text', question: 'question', positions: 'positions' } as const;
export const DECLINE_REASON = 'reason';
