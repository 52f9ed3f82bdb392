import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { updateTogether } from '../../src/store/together.js';
import { backends, trackedStores, uniquePrefix } from './backends.js';

const CounterSchema = z.object({ v: z.literal(1), count: z.int().min(0) });
const ListSchema = z.object({ v: z.literal(1), items: z.array(z.string()) });
const withX = (items: readonly string[] = []): string[] => [...items, 'x'];
const bump = (current: { count: number } | undefined) => ({ v: 1 as const, count: (current?.count ?? 0) + 1 });

describe.each(backends)('records updated together on $name', ({ name, url }) => {
  const { open } = trackedStores(url);

  it(`[${name}] reads and writes records of several namespaces that keyv reads and writes too`, async () => {
    const store = await open();
    const counters = store.repository('counters', CounterSchema);
    const lists = store.repository('lists', ListSchema);
    await counters.set('a', { v: 1, count: 4 });
    const saved = await updateTogether([counters.at('a'), lists.at('g')], ([counter, list]) => [
      bump(counter),
      { v: 1, items: withX(list?.items) },
    ]);
    expect(saved).toEqual([
      { v: 1, count: 5 },
      { v: 1, items: ['x'] },
    ]);
    expect(await counters.get('a')).toEqual({ v: 1, count: 5 });
    expect(await lists.get('g')).toEqual({ v: 1, items: ['x'] });
    const listed = [];
    for await (const entry of lists.entries()) listed.push(entry);
    expect(listed).toEqual([['g', { v: 1, items: ['x'] }]]);
  });

  it(`[${name}] writes only what changed, and nothing for a slot left out`, async () => {
    const store = await open();
    const counters = store.repository('counters', CounterSchema);
    await counters.set('same', { v: 1, count: 1 });
    const write = vi.spyOn(counters.batch, 'write');
    await updateTogether([counters.at('same'), undefined, counters.at('new')], ([same, absent, fresh]) => {
      expect(absent).toBeUndefined();
      return [same ?? bump(undefined), undefined, bump(fresh)];
    });
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]?.[0].map((entry) => entry.key)).toEqual(['new']);
    expect(await counters.get('new')).toEqual({ v: 1, count: 1 });
  });

  it(`[${name}] writes nothing when the change throws`, async () => {
    const store = await open();
    const counters = store.repository('counters', CounterSchema);
    await counters.set('a', { v: 1, count: 1 });
    await expect(
      updateTogether([counters.at('a'), counters.at('b')], () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await counters.get('a')).toEqual({ v: 1, count: 1 });
    expect(await counters.get('b')).toBeUndefined();
  });

  it(`[${name}] loses no update when it runs beside Repository.update on the same keys, in either order`, async () => {
    const store = await open();
    const counters = store.repository('counters', CounterSchema);
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        i % 3 === 0
          ? counters.update('a', bump)
          : updateTogether(i % 3 === 1 ? [counters.at('a'), counters.at('b')] : [counters.at('b'), counters.at('a')], ([x, y]) => [
              bump(x),
              bump(y),
            ]),
      ),
    );
    expect(await counters.get('a')).toEqual({ v: 1, count: 300 });
    expect(await counters.get('b')).toEqual({ v: 1, count: 200 });
  }, 30_000);

  it(`[${name}] sees what the repository wrote or deleted after a batch read or wrote the record`, async () => {
    const store = await open();
    const counters = store.repository('counters', CounterSchema);
    const read = async () => (await updateTogether([counters.at('a')], ([current]) => [current]))[0];
    await updateTogether([counters.at('a')], ([current]) => [bump(current)]);
    await counters.set('a', { v: 1, count: 7 });
    expect(await read()).toEqual({ v: 1, count: 7 });
    await counters.update('a', bump);
    expect(await read()).toEqual({ v: 1, count: 8 });
    await counters.delete('a');
    expect(await read()).toBeUndefined();
    await counters.set('a', { v: 1, count: 2 });
    expect(await read()).toEqual({ v: 1, count: 2 });
  });

  if (name === 'redis') {
    it('[redis] sees what another process wrote since, though it keeps what it parsed', async () => {
      const prefix = uniquePrefix();
      const mine = (await open(url(), prefix)).repository('counters', CounterSchema);
      const theirs = (await open(url(), prefix)).repository('counters', CounterSchema);
      const read = async () => (await updateTogether([mine.at('a')], ([current]) => [current]))[0];
      await updateTogether([mine.at('a')], ([current]) => [bump(current)]);
      expect(await read()).toEqual({ v: 1, count: 1 });
      await theirs.set('a', { v: 1, count: 5 });
      expect(await read()).toEqual({ v: 1, count: 5 });
      await updateTogether([theirs.at('a')], ([current]) => [bump(current)]);
      expect(await read()).toEqual({ v: 1, count: 6 });
    });
  }

  it(`[${name}] sets a record that no longer parses aside and treats it as absent`, async () => {
    const store = await open();
    await store.repository('counters', z.unknown()).set('a', { v: 1, count: 'many' });
    const counters = store.repository('counters', CounterSchema);
    const [saved] = await updateTogether([counters.at('a')], ([current]) => [bump(current)]);
    expect(saved).toEqual({ v: 1, count: 1 });
    expect((await store.quarantined.get(`${counters.namespace}/a`))?.raw).toEqual({ v: 1, count: 'many' });
  });
});
