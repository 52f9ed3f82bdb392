/**
 * At most one run per key every `intervalMs`: requests that arrive while a run is pending or too recent fold into
 * one later run. Keeps a busy weekly post (many members taking a stance at once) under Discord's edit rate limit
 * while its count still catches up within a few seconds. Real time, not the injected clock: the limit is Discord's.
 */
export class Coalescer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly run: (key: string) => Promise<void>,
    private readonly onError: (key: string, err: unknown) => void,
  ) {}

  request(key: string): void {
    if (this.timers.has(key)) return;
    const wait = Math.max(0, (this.lastRun.get(key) ?? Number.NEGATIVE_INFINITY) + this.intervalMs - Date.now());
    const timer = setTimeout(() => void this.fire(key), wait);
    timer.unref?.();
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.lastRun.delete(key);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async fire(key: string) {
    this.timers.delete(key);
    this.lastRun.set(key, Date.now());
    try {
      await this.run(key);
    } catch (err) {
      this.onError(key, err);
    }
  }
}
