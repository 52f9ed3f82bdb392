/** Rows of one write: stored key and stored value. */
export type Rows = readonly (readonly [string, string])[];

/** Rows of one statement at most: SQLite binds up to 32,766 values, two per row. */
const MOST_ROWS = 1_000;

interface Waiting {
  readonly rows: Rows;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Writes that arrive while one is in flight go together in the next call (group commit): under load a SQLite
 * thread-pool hop then carries the answers of many members instead of one each. A lone write goes at once. A group
 * succeeds or fails as one statement, so every write in it is still all or nothing, and each caller hears of its
 * write only once it is stored. Callers never share a key in one group: each holds its keys' locks until it hears.
 */
export function groupedWrites(write: (rows: Rows) => Promise<void>): (rows: Rows) => Promise<void> {
  const queue: Waiting[] = [];
  let draining = false;

  async function drain() {
    draining = true;
    while (queue.length > 0) {
      const group: Waiting[] = [];
      let rows = 0;
      while (queue.length > 0 && (group.length === 0 || rows + (queue[0]?.rows.length ?? 0) <= MOST_ROWS)) {
        const next = queue.shift() as Waiting;
        group.push(next);
        rows += next.rows.length;
      }
      try {
        await write(group.flatMap((waiting) => waiting.rows));
        for (const waiting of group) waiting.resolve();
      } catch (err) {
        for (const waiting of group) waiting.reject(err);
      }
    }
    draining = false;
  }

  return (rows) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ rows, resolve, reject });
      if (!draining) void drain();
    });
}
