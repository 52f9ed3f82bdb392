import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consume, emptyRotation, type Rotation, reconcile } from '../../src/prompts/rotation.js';

const seeded = (seed: number) => {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
};

/** Posts `count` prompts in a row, as the scheduler does: reconcile, take the head, consume it. */
function post(rotation: Rotation, ids: readonly string[], count: number, random: () => number) {
  const posted: string[] = [];
  let current = rotation;
  for (let i = 0; i < count; i++) {
    current = reconcile(current, ids, random);
    const next = current.queue[0];
    if (next === undefined) break;
    posted.push(next);
    current = consume(current, next);
  }
  return { posted, rotation: current };
}

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

describe('rotation', () => {
  it('uses every prompt once per round, in a new order each round, never the same prompt twice in a row', () => {
    const { posted } = post(emptyRotation, ids, ids.length * 6, seeded(7));
    for (let round = 0; round < 6; round++) {
      expect([...posted.slice(round * ids.length, (round + 1) * ids.length)].sort()).toEqual(ids);
    }
    posted.forEach((id, index) => {
      if (index > 0) expect(id).not.toBe(posted[index - 1]);
    });
    expect(posted.slice(0, ids.length)).not.toEqual(posted.slice(ids.length, 2 * ids.length));
  });

  it('holds for any seed and bundle size (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer({ min: 1, max: 12 }), (seed, size) => {
        const bundle = Array.from({ length: size }, (_, index) => `p${index}`);
        const { posted } = post(emptyRotation, bundle, size * 3, seeded(seed));
        for (let round = 0; round < 3; round++) expect(new Set(posted.slice(round * size, (round + 1) * size)).size).toBe(size);
        if (size > 1) for (let index = 1; index < posted.length; index++) expect(posted[index]).not.toBe(posted[index - 1]);
      }),
    );
  });

  it('lets a prompt added to the bundle join the current round', () => {
    const random = seeded(3);
    const first = post(emptyRotation, ['a', 'b', 'c'], 1, random);
    const { posted } = post(first.rotation, ['a', 'b', 'c', 'new'], 3, random);
    expect([...first.posted, ...posted].sort()).toEqual(['a', 'b', 'c', 'new']);
  });

  it('skips a prompt removed from the bundle', () => {
    const random = seeded(5);
    const first = post(emptyRotation, ['a', 'b', 'c', 'd'], 1, random);
    const remaining = ['a', 'b', 'c', 'd'].filter((id) => id !== first.posted[0]);
    const removed = remaining[0] as string;
    const bundle = ['a', 'b', 'c', 'd'].filter((id) => id !== removed);
    const { posted } = post(first.rotation, bundle, 2, random);
    expect(posted).not.toContain(removed);
    expect([...first.posted, ...posted].sort()).toEqual(bundle);
  });

  it('has nothing to offer for an empty bundle', () => {
    expect(reconcile(emptyRotation, [], seeded(1))).toEqual({ queue: [], used: [] });
  });
});
