import { z } from 'zod';
import { customId } from './customId.js';

/**
 * Every custom_id of /quiz, /progress and their messages. Private-quiz and reset ids carry the owner's user id
 * so a handler can refuse anyone else; round ids carry no user: the clicker's own id is what counts.
 */
const snowflake = z.string().regex(/^\d{17,20}$/);
const token = z.string().regex(/^[\w-]{1,16}$/);
const position = z.coerce.number().int().min(1).max(999);
const choice = z.coerce.number().int().min(0).max(4);
const questionId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const answerId = customId('quiz:answer', z.object({ session: token, owner: snowflake, n: position, choice }));
export const nextId = customId('quiz:next', z.object({ session: token, owner: snowflake }));
export const stopId = customId('quiz:stop', z.object({ session: token, owner: snowflake }));
export const roundAnswerId = customId('quiz:round', z.object({ round: token, n: position, choice }));
export const reportId = customId('quiz:report', z.object({ q: questionId }));
export const reportFormId = customId('quiz:reportform', z.object({ q: questionId }));
export const closeReportsId = customId('quiz:closereports', z.object({}));
export const resetId = customId('progress:reset', z.object({ owner: snowflake }));
export const keepId = customId('progress:keep', z.object({ owner: snowflake }));

/** The text input of the report modal. */
export const REPORT_REASON = 'reason';
