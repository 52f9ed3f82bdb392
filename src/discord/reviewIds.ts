import { z } from 'zod';
import { customId } from './customId.js';

/**
 * The review round's custom_ids. They work in a DM (the reminder's "Start review") as well as in a guild, so
 * each carries its guild; and its owner, so nobody else can press them.
 */
const snowflake = z.string().regex(/^\d{17,20}$/);
const token = z.string().regex(/^[\w-]{1,16}$/);
const position = z.coerce.number().int().min(1).max(999);
const choice = z.coerce.number().int().min(0).max(4);

export const reviewStartId = customId('quiz:rv-start', z.object({ guild: snowflake, owner: snowflake }));
export const reviewAnswerId = customId(
  'quiz:rv-answer',
  z.object({ guild: snowflake, session: token, owner: snowflake, n: position, choice }),
);
export const reviewNextId = customId('quiz:rv-next', z.object({ guild: snowflake, session: token, owner: snowflake }));
export const reviewStopId = customId('quiz:rv-stop', z.object({ guild: snowflake, session: token, owner: snowflake }));
