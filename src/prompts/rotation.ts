import { z } from 'zod';
import { type Random, shuffled } from '../random.js';

/**
 * A guild's way through the prompts: a shuffled round that uses every prompt once, then a new round.
 * `queue` is what is left of this round, in order; `used` is what this round has posted, oldest first.
 * The bundle may change between posts: removed prompts drop out, new ones join the current round.
 */
export const RotationSchema = z.object({
  queue: z.array(z.string()),
  used: z.array(z.string()),
});

export type Rotation = z.infer<typeof RotationSchema>;
export const emptyRotation: Rotation = { queue: [], used: [] };

/**
 * Brings a rotation up to date with the bundle's prompt ids: removed ids are dropped, ids it has never seen join
 * this round at a random place, and an exhausted round is replaced by a new order that does not start with the
 * prompt posted last. The result's queue is empty only when the bundle has no prompts.
 */
export function reconcile(rotation: Rotation, ids: readonly string[], random: Random): Rotation {
  const present = new Set(ids);
  const known = new Set([...rotation.queue, ...rotation.used]);
  const queue = rotation.queue.filter((id) => present.has(id));
  for (const id of ids) {
    if (!known.has(id)) queue.splice(Math.floor(random() * (queue.length + 1)), 0, id);
  }
  const used = rotation.used.filter((id) => present.has(id));
  if (queue.length > 0 || ids.length === 0) return { queue, used };
  const fresh = shuffled(ids, random);
  if (fresh.length > 1 && fresh[0] === rotation.used.at(-1)) fresh.push(fresh.shift() as string);
  return { queue: fresh, used: [] };
}

/** Marks a prompt as posted (or skipped) in this round. */
export function consume(rotation: Rotation, promptId: string): Rotation {
  return { queue: rotation.queue.filter((id) => id !== promptId), used: [...rotation.used.filter((id) => id !== promptId), promptId] };
}
