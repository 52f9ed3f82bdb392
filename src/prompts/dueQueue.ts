/**
 * Keys ordered by the instant they are next due, as a binary min-heap: the earliest is read in O(1), a key is
 * set or taken in O(log n). Setting or deleting a key leaves its old heap entry behind; entries that no longer
 * match the key's current due time are dropped when they reach the top.
 */
type Entry = readonly [at: number, key: string];

export class DueQueue {
  private readonly dueAt = new Map<string, number>();
  private readonly heap: Entry[] = [];

  get size(): number {
    return this.dueAt.size;
  }

  has(key: string): boolean {
    return this.dueAt.has(key);
  }

  set(key: string, at: Date): void {
    const time = at.getTime();
    if (this.dueAt.get(key) === time) return;
    this.dueAt.set(key, time);
    this.push([time, key]);
  }

  delete(key: string): void {
    this.dueAt.delete(key);
  }

  /** The earliest due key and its instant. */
  peek(): { key: string; at: Date } | undefined {
    const top = this.top();
    return top && { key: top[1], at: new Date(top[0]) };
  }

  /** Removes and returns every key due at or before `now`, earliest first. */
  takeDue(now: Date): { key: string; at: Date }[] {
    const taken: { key: string; at: Date }[] = [];
    for (let top = this.top(); top && top[0] <= now.getTime(); top = this.top()) {
      this.pop();
      this.dueAt.delete(top[1]);
      taken.push({ key: top[1], at: new Date(top[0]) });
    }
    return taken;
  }

  private top(): Entry | undefined {
    let top = this.heap[0];
    while (top && this.dueAt.get(top[1]) !== top[0]) {
      this.pop();
      top = this.heap[0];
    }
    return top;
  }

  private entry(i: number): Entry {
    return this.heap[i] as Entry;
  }

  private push(entry: Entry) {
    this.heap.push(entry);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.entry(parent)[0] <= entry[0]) break;
      this.heap[i] = this.entry(parent);
      i = parent;
    }
    this.heap[i] = entry;
  }

  private pop() {
    const last = this.heap.pop();
    if (!last || this.heap.length === 0) return;
    let i = 0;
    for (let left = 1; left < this.heap.length; left = 2 * i + 1) {
      const right = left + 1;
      const child = right < this.heap.length && this.entry(right)[0] < this.entry(left)[0] ? right : left;
      if (this.entry(child)[0] >= last[0]) break;
      this.heap[i] = this.entry(child);
      i = child;
    }
    this.heap[i] = last;
  }
}
