import type { z } from 'zod';
import { fromStored, keyvKey, toStored } from './batch.js';
import { ABSENT } from './recordCache.js';
import { attempt, type RecordSlot } from './repository.js';

// biome-ignore lint/suspicious/noExplicitAny: any schema; each slot's own type is recovered below
export type AnySlot = RecordSlot<any> | undefined;
type Output<T> = T extends RecordSlot<infer S> ? z.output<S> : undefined;

export type Currents<T extends readonly AnySlot[]> = { -readonly [I in keyof T]: Output<T[I]> | undefined };
export type Nexts<T extends readonly AnySlot[]> = { -readonly [I in keyof T]: Output<T[I]> | undefined };
export type Saved<T extends readonly AnySlot[]> = { -readonly [I in keyof T]: Output<T[I]> | undefined };

/** Takes the slots' locks one after another in one global order, so two updates that share keys never wait on each other in a ring. */
function lockAll(slots: readonly RecordSlot<z.ZodType>[], task: () => Promise<void>): Promise<void> {
  const ordered = [...slots].sort((a, b) => lockName(a).localeCompare(lockName(b)));
  return ordered.reduceRight<() => Promise<void>>((inner, slot) => () => slot.repository.locked(slot.key, inner), task)();
}

/** A parsed record and the stored string it came from. */
interface ParsedFrom {
  readonly stored: string;
  readonly value: unknown;
}

const lockName = (slot: RecordSlot<z.ZodType>) => `${slot.repository.namespace}\u0000${slot.key}`;

/**
 * Repository.update over several records at once, each under its own per-key lock: one read of them all, one atomic
 * write of those `change` changed. A record `change` hands back as it was given, or as undefined, is left as it is.
 * An `undefined` slot is a record this call does not need: its current value is undefined and nothing is written.
 * Every record is parsed with its schema as it is read (the boundary, where versions are upgraded and a bad record
 * is quarantined). What `change` hands back is written as it is, typed as the schema's output: parsing it again
 * cost as much as the read on every quiz answer (a member's progress grows to 25 KB), to check what the types
 * already say.
 * Resolves to the records as stored afterwards.
 */
export async function updateTogether<const T extends readonly AnySlot[]>(
  slots: T,
  change: (current: Currents<T>) => Nexts<T>,
): Promise<Saved<T>> {
  const present = slots.filter((slot): slot is RecordSlot<z.ZodType> => slot !== undefined);
  const batch = present[0]?.repository.batch;
  if (!batch || present.some((slot) => slot.repository.batch !== batch)) throw new Error('updateTogether needs records of one store');
  const what = present.map((slot) => `${slot.repository.namespace}/${slot.key}`).join(', ');
  const refs = present.map((slot) => ({ namespace: slot.repository.namespace, key: slot.key }));
  const { remembered, parsed } = batch;
  let saved: unknown[] = [];
  await lockAll(present, async () => {
    const known = refs.map((ref) => remembered?.lookup(keyvKey(ref)));
    const missing = refs.flatMap((ref, i) => (known[i] === undefined ? [{ ref, slot: present[i] as RecordSlot<z.ZodType>, i }] : []));
    if (missing.length > 0) {
      const raw = await attempt(`reading ${what}`, () => batch.read(missing.map(({ ref }) => ref)));
      for (const [m, { ref, slot, i }] of missing.entries()) {
        const stored = raw[m];
        const seen = parsed?.lookup(keyvKey(ref)) as ParsedFrom | undefined;
        const value =
          stored !== undefined && seen?.stored === stored
            ? seen.value
            : ((await slot.repository.parseStored(slot.key, fromStored(stored))) ?? ABSENT);
        if (stored !== undefined && value !== ABSENT) parsed?.remember(keyvKey(ref), { stored, value }, stored.length);
        remembered?.remember(keyvKey(ref), value, stored?.length ?? 0);
        known[i] = value;
      }
    }
    let next = 0;
    const current = slots.map((slot) => {
      if (slot === undefined) return undefined;
      const value = known[next++];
      return value === ABSENT ? undefined : value;
    });
    const changed = change(current as Currents<T>) as unknown[];
    const kept = (i: number) => slots[i] === undefined || changed[i] === undefined || changed[i] === current[i];
    saved = slots.map((_, i) => (kept(i) ? current[i] : changed[i]));
    const writes = slots.flatMap((slot, i) =>
      !slot || kept(i) ? [] : [{ namespace: slot.repository.namespace, key: slot.key, value: changed[i], stored: toStored(changed[i]) }],
    );
    if (writes.length === 0) return;
    try {
      await attempt(`writing ${what}`, () => batch.write(writes));
    } catch (err) {
      for (const write of writes) {
        remembered?.forget(keyvKey(write));
        parsed?.forget(keyvKey(write));
      }
      throw err;
    }
    for (const { value, stored, ...ref } of writes) {
      remembered?.remember(keyvKey(ref), value, stored.length);
      parsed?.remember(keyvKey(ref), { stored, value }, stored.length);
    }
  });
  return saved as Saved<T>;
}
