import { z } from 'zod';
import { customId } from './customId.js';

/**
 * Every custom_id of /summary, /source and /claim messages. They carry bundle ids only (never user text), so a
 * click that outlives a content change finds the id gone and is answered as expired.
 */
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const section = z.object({ section: id });

export const previousSectionId = customId('summary:prev', section);
export const nextSectionId = customId('summary:next', section);
export const contentsId = customId('summary:toc', z.object({}));
export const openSectionId = customId('summary:open', z.object({}));
export const quizSectionId = customId('summary:quiz', section);

export const sourceKindId = customId('source:kind', z.object({}));
export const openSourceId = customId('source:open', z.object({}));
export const listSourcesId = customId('source:list', z.object({ kind: id }));

export const openClaimId = customId('claim:open', z.object({}));
