/** A record known to be absent, as opposed to one not remembered. */
export const ABSENT = Symbol('absent');

/**
 * Under test (vitest sets NODE_ENV=test) every remembered value is deep-frozen, so code that changes a shared record
 * fails there at once. Production skips the walk: it was a sixth of a quiz answer's CPU.
 */
const freezeShared = process.env.NODE_ENV === 'test';

interface Entry {
  readonly value: unknown;
  readonly size: number;
}

/**
 * The records this process last read or wrote, parsed, for a backend it is the only writer of: a SQLite file belongs
 * to one bot process (start-up refuses SQLite to sharded mode and to a SHARD_IDS that leaves shards to other
 * processes). Only updateTogether fills it, under each record's per-key lock; a record written or deleted any other
 * way is forgotten (Repository does it under the same lock). Every reader shares the values, so nothing may change
 * them. The least recently used go once their stored size passes the budget.
 */
export class RecordCache {
  private readonly entries = new Map<string, Entry>();
  private size = 0;

  constructor(private readonly budgetChars: number) {}

  /** The parsed record, ABSENT, or undefined when not remembered. */
  lookup(name: string): unknown {
    const entry = this.entries.get(name);
    if (entry === undefined) return undefined;
    this.entries.delete(name);
    this.entries.set(name, entry);
    return entry.value;
  }

  /** `size`: the stored form's length, which the budget counts. */
  remember(name: string, value: unknown, size: number): void {
    this.forget(name);
    if (size > this.budgetChars) return;
    this.entries.set(name, { value: freezeShared ? deepFreeze(value) : value, size });
    this.size += size;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.budgetChars) break;
      this.entries.delete(oldest);
      this.size -= entry.size;
    }
  }

  forget(name: string): void {
    const entry = this.entries.get(name);
    if (entry === undefined) return;
    this.entries.delete(name);
    this.size -= entry.size;
  }
}

/** Freezes what is not frozen yet: a new record shares most of its parts with the one it replaced, already frozen. */
function deepFreeze(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const part of Object.values(value)) deepFreeze(part);
  return value;
}
