import { describe, expect, it } from 'vitest';
import { groupedWrites, type Rows } from '../../src/store/groupedWrites.js';

/** A write that stays in flight until released, recording what each call carried. */
function heldWrites() {
  const calls: Rows[] = [];
  const releases: ((err?: Error) => void)[] = [];
  const write = (rows: Rows) =>
    new Promise<void>((resolve, reject) => {
      calls.push(rows);
      releases.push((err) => (err ? reject(err) : resolve()));
    });
  const release = async (err?: Error) => {
    releases.shift()?.(err);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { calls, write, release };
}

const row = (key: string) => [[key, `value of ${key}`]] as const;

describe('groupedWrites', () => {
  it('sends a lone write at once and the writes that arrive meanwhile together in the next call', async () => {
    const { calls, write, release } = heldWrites();
    const grouped = groupedWrites(write);
    const first = grouped(row('a'));
    expect(calls).toEqual([row('a')]);
    const later = [grouped(row('b')), grouped(row('c'))];
    await release();
    await first;
    expect(calls).toEqual([row('a'), [...row('b'), ...row('c')]]);
    await release();
    await Promise.all(later);
  });

  it('fails every write of a failed group, and only those', async () => {
    const { calls, write, release } = heldWrites();
    const grouped = groupedWrites(write);
    const first = grouped(row('a'));
    const failing = [grouped(row('b')), grouped(row('c'))];
    await release();
    await first;
    const settled = Promise.allSettled(failing);
    await release(new Error('disk full'));
    expect((await settled).map((result) => result.status)).toEqual(['rejected', 'rejected']);
    const after = grouped(row('d'));
    expect(calls.at(-1)).toEqual(row('d'));
    await release();
    await after;
  });

  it('keeps a statement to 1,000 rows', async () => {
    const { calls, write, release } = heldWrites();
    const grouped = groupedWrites(write);
    const first = grouped(row('first'));
    const many = Array.from({ length: 1_500 }, (_, i) => grouped(row(`k${i}`)));
    await release();
    await first;
    await release();
    await release();
    await Promise.all(many);
    expect(calls.map((rows) => rows.length)).toEqual([1, 1_000, 500]);
  });
});
