import { createClient, type RedisClientType } from '@keyv/redis';
import type { MessageRecord } from '../../testkit/index.js';
import { titleOf } from '../e2e/messages.js';
import { REDIS_URL } from '../store/backends.js';

/** A private-quiz verdict: the answered question's message, edited to ✅ or ❌. */
export const isVerdict = (message: MessageRecord): boolean => /^(✅|❌)/.test(titleOf(message));

/** Deletes every key of a run on the shared Redis. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = createClient({ url: REDIS_URL }) as RedisClientType;
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await redis.del(keys);
  await redis.close();
}
