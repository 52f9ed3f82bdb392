import { createClient, type RedisClientType } from '@keyv/redis';
import type { MessageRecord } from '../../testkit/index.js';
import { REDIS_URL } from '../store/backends.js';

/** Every custom_id on a message the stand-in holds, in order. */
export const customIdsOf = (message: MessageRecord): string[] =>
  (message.components as { components?: { custom_id?: string }[] }[]).flatMap((row) =>
    (row.components ?? []).map((c) => c.custom_id ?? ''),
  );

/** The first custom_id on the message that starts with `prefix`; throws naming the ones it has. */
export function componentId(message: MessageRecord, prefix: string): string {
  const id = customIdsOf(message).find((candidate) => candidate.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} component on message ${message.id}: ${customIdsOf(message).join(', ')}`);
  return id;
}

export const titleOf = (message: MessageRecord): string => (message.embeds[0] as { title?: string } | undefined)?.title ?? '';

/** A private-quiz verdict: the answered question's message, edited to ✅ or ❌. */
export const isVerdict = (message: MessageRecord): boolean => /^(✅|❌)/.test(titleOf(message));

/** Deletes every key of a run on the shared Redis. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = createClient({ url: REDIS_URL }) as RedisClientType;
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await redis.del(keys);
  await redis.close();
}
