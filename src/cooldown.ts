/**
 * Per-member cooldowns for expensive commands. Entries expire by time and the map is swept as it grows, so
 * a flood of distinct members cannot make it grow without bound.
 */
export class Cooldowns {
  private readonly until = new Map<string, number>();

  constructor(private readonly sweepAbove = 10_000) {}

  /** Seconds left to wait, or 0 after recording this use. */
  take(key: string, seconds: number, nowMs: number): number {
    const ready = this.until.get(key) ?? 0;
    if (ready > nowMs) return Math.ceil((ready - nowMs) / 1000);
    if (this.until.size >= this.sweepAbove) this.sweep(nowMs);
    this.until.set(key, nowMs + seconds * 1000);
    return 0;
  }

  get size(): number {
    return this.until.size;
  }

  private sweep(nowMs: number) {
    for (const [key, ready] of this.until) if (ready <= nowMs) this.until.delete(key);
  }
}
