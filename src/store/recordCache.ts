/** A record known to be absent, as opposed to one not remembered. */
export const ABSENT = null;

/**
 * What this process last read or wrote of each record, in its stored form, for a backend this process is the only
 * writer of: a SQLite file belongs to one bot process (start-up refuses SQLite to sharded mode and to a SHARD_IDS
 * that leaves shards to other processes). Only batch reads and writes (together.ts) fill it, each under the record's
 * per-key lock; a record written or deleted any other way is forgotten (Repository does it under the same lock).
 * The least recently used records go once their stored size passes the budget.
 */
export class RecordCache {
  private readonly entries = new Map<string, string | typeof ABSENT>();
  private size = 0;

  constructor(private readonly budgetChars: number) {}

  /** The stored form, ABSENT, or undefined when not remembered. */
  lookup(key: string): string | typeof ABSENT | undefined {
    const raw = this.entries.get(key);
    if (raw === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, raw);
    return raw;
  }

  remember(key: string, raw: string | typeof ABSENT): void {
    this.forget(key);
    const size = key.length + (raw?.length ?? 0);
    if (size > this.budgetChars) return;
    this.entries.set(key, raw);
    this.size += size;
    for (const [oldest, value] of this.entries) {
      if (this.size <= this.budgetChars) break;
      this.entries.delete(oldest);
      this.size -= oldest.length + (value?.length ?? 0);
    }
  }

  forget(key: string): void {
    const raw = this.entries.get(key);
    if (raw === undefined) return;
    this.entries.delete(key);
    this.size -= key.length + (raw?.length ?? 0);
  }
}
