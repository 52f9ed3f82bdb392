/**
 * Review reminders, sent exactly once per member, guild and local day, with the weekly prompts' machinery
 * (src/prompts/scheduler.ts explains it at length) reused rather than copied:
 * - One due-queue (src/prompts/dueQueue.ts, a min-heap) holds every enabled reminder of this shard's guilds at its
 *   next instant, and ONE timer is armed for the earliest entry, never a timer per member. `runDue(now)` takes
 *   only what is due; tests and the playground call it with their own clock.
 * - The instant is luxon calendar math in the member's zone (timing.ts), so DST never shifts or repeats it.
 * - A reminder is sent only by whoever wins `claims.claim("<guild>/<user>/<local day>")`, the store's atomic
 *   set-if-absent (Redis SET NX, SQLite INSERT … ON CONFLICT). A duplicate tick, a restart or a second shard on
 *   the same store cannot all win it. After it the record keeps `lastSlot` and `lastSentDay`, so a restart has
 *   nothing due. Never twice means at most once: a crash between claim and DM loses that day's reminder.
 * - A slot missed while the bot was down is still sent within `graceMs`, skipped after it.
 * - Discord's 50007 (the member does not accept DMs) turns the reminder off and leaves a notice for their next
 *   private reply instead of retrying every day.
 */
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { DueQueue } from '../prompts/dueQueue.js';
import { memberKey } from '../quiz/records.js';
import type { Claims } from '../store/claims.js';
import { KeyLock } from '../store/keyLock.js';
import type { Repository } from '../store/repository.js';
import type { ReminderSettings, ReminderSettingsSchema } from './record.js';
import { localDay, nextReminder } from './timing.js';

/** The member's DMs are closed to the bot (Discord error 50007). */
export class DmClosedError extends Error {
  override readonly name = 'DmClosedError';
}

export interface ReminderMessage {
  readonly guildId: string;
  readonly userId: string;
  readonly due: number;
}

/** What only exists once the Discord client is ready. */
export interface ReminderRuntime {
  /** Sends the reminder by DM; throws DmClosedError for 50007. */
  send(message: ReminderMessage): Promise<void>;
  owns(guildId: string): boolean;
}

/** A one-shot timer; tests and the playground substitute one that never fires and call runDue themselves. */
export interface Timer {
  set(at: Date, run: () => void): () => void;
}

/** Node's setTimeout cannot wait longer than ~24.8 days; waking once an hour also re-reads a clock that jumped. */
const LONGEST_WAIT_MS = 3_600_000;

export function realTimer(clock: Clock): Timer {
  return {
    set(at, run) {
      const handle = setTimeout(run, Math.min(LONGEST_WAIT_MS, Math.max(0, at.getTime() - clock.now().getTime())));
      handle.unref();
      return () => clearTimeout(handle);
    },
  };
}

export interface ReminderSchedulerOptions {
  readonly settings: Repository<typeof ReminderSettingsSchema>;
  readonly claims: Claims;
  readonly clock: Clock;
  readonly log: Logger;
  /** The member's zone (their /progress one). */
  zoneOf(guild: string, user: string): Promise<string>;
  dueCount(guild: string, user: string): Promise<number>;
  /** Members with quiz records in a guild, whose reminders a guild that arrives on this shard brings along. */
  membersOf(guild: string): Promise<readonly string[]>;
  /** How late a reminder may still go out (the bot was down at its time). */
  readonly graceMs: number;
  readonly timer?: Timer;
}

export interface ReminderResult {
  readonly key: string;
  readonly outcome: 'sent' | 'skipped' | 'missed' | 'taken' | 'dms-closed' | 'failed' | 'idle' | 'error';
  readonly slot?: Date;
}

const DAY_MS = 86_400_000;
const splitKey = (key: string) => {
  const [guild = '', user = ''] = key.split('/');
  return { guild, user };
};

export class ReminderScheduler {
  private readonly queue = new DueQueue();
  private readonly lock = new KeyLock();
  private runtime: ReminderRuntime | undefined;
  private disarm: (() => void) | undefined;
  private armedAt: number | undefined;
  /** Members told nothing yet about their closed DMs (guild/user); a guild lives on one shard, so this is its truth. */
  private readonly notices = new Set<string>();

  constructor(private readonly options: ReminderSchedulerOptions) {}

  async start(runtime: ReminderRuntime): Promise<ReminderResult[]> {
    this.runtime = runtime;
    for await (const [key, record] of this.options.settings.entries()) {
      if (record.noticePending) this.notices.add(key);
      await this.place(key, record);
    }
    this.options.log.info({ members: this.queue.size }, 'reminder scheduler started');
    return this.runDue();
  }

  stop(): void {
    this.disarm?.();
    this.disarm = undefined;
    this.armedAt = undefined;
    this.runtime = undefined;
  }

  nextDue(): { key: string; at: Date } | undefined {
    return this.queue.peek();
  }

  /** Re-reads one member's settings after they changed and reschedules them. */
  async track(guild: string, user: string): Promise<void> {
    const key = memberKey(guild, user);
    await this.place(key, await this.options.settings.get(key));
  }

  /**
   * The bot joined a guild, or a guild moved to this shard: queue its members' reminders. Before start() (the
   * GUILD_CREATEs of start-up) it does nothing, since start() loads every reminder this shard owns anyway.
   */
  async trackGuild(guild: string): Promise<void> {
    if (!this.runtime) return;
    for (const user of await this.options.membersOf(guild)) await this.track(guild, user);
  }

  /** Whether a closed-DMs notice waits for this member; true once, then it is cleared. */
  async takeNotice(guild: string, user: string): Promise<boolean> {
    const key = memberKey(guild, user);
    if (!this.notices.delete(key)) return false;
    if (!(await this.options.settings.get(key))) return true;
    await this.options.settings.update(key, (current) => {
      if (!current) throw new Error(`reminder settings of ${key} vanished`);
      return { ...current, noticePending: false };
    });
    return true;
  }

  /** The member turned reminders back on: the notice about the earlier switch-off is moot. */
  dropNotice(guild: string, user: string): void {
    this.notices.delete(memberKey(guild, user));
  }

  hasNotice(guild: string, user: string): boolean {
    return this.notices.has(memberKey(guild, user));
  }

  async runDue(now: Date = this.options.clock.now()): Promise<ReminderResult[]> {
    if (!this.runtime) return [];
    const results: ReminderResult[] = [];
    for (const { key, at } of this.queue.takeDue(now)) {
      try {
        results.push(await this.lock.run(key, () => this.runMember(key, now)));
      } catch (err) {
        this.options.log.error({ err, key }, 'reminder could not be handled; retrying at the next wake-up');
        if (!this.queue.has(key)) this.queue.set(key, at);
        results.push({ key, outcome: 'error' });
      }
    }
    this.arm();
    return results;
  }

  private async place(key: string, record: ReminderSettings | undefined): Promise<void> {
    const { guild, user } = splitKey(key);
    if (!record?.enabled || this.runtime?.owns(guild) !== true) {
      this.queue.delete(key);
    } else {
      const zone = await this.options.zoneOf(guild, user);
      this.queue.set(key, nextReminder(record, zone, handledUntil(record)));
    }
    this.arm();
  }

  /** The one timer, always for the earliest entry. */
  private arm(): void {
    const next = this.queue.peek();
    if (!this.runtime || next?.at.getTime() === this.armedAt) return;
    this.disarm?.();
    this.armedAt = next?.at.getTime();
    this.disarm = next && (this.options.timer ?? realTimer(this.options.clock)).set(next.at, () => this.wake());
  }

  private wake(): void {
    this.armedAt = undefined;
    this.disarm = undefined;
    void this.runDue().catch((err: unknown) => this.options.log.error({ err }, 'reminder wake-up failed'));
  }

  private async runMember(key: string, now: Date): Promise<ReminderResult> {
    const { guild, user } = splitKey(key);
    const record = await this.options.settings.get(key);
    if (!record?.enabled || this.runtime?.owns(guild) !== true) return { key, outcome: 'idle' };
    const zone = await this.options.zoneOf(guild, user);
    const slot = nextReminder(record, zone, handledUntil(record));
    if (slot > now) {
      await this.place(key, record);
      return { key, outcome: 'idle' };
    }
    const day = localDay(slot, zone);
    if (now.getTime() - slot.getTime() > this.options.graceMs) return this.handled(key, slot, 'missed');
    if ((await this.options.dueCount(guild, user)) < record.threshold) return this.handled(key, slot, 'skipped');
    if (!(await this.options.claims.claim(`${key}/${day}`, this.options.graceMs + 2 * DAY_MS))) {
      this.options.log.info({ key, day }, 'reminder already claimed elsewhere; not sending it again');
      return this.handled(key, slot, 'taken', day);
    }
    return this.deliver(key, slot, day);
  }

  private async deliver(key: string, slot: Date, day: string): Promise<ReminderResult> {
    const { guild, user } = splitKey(key);
    try {
      await this.runtime?.send({ guildId: guild, userId: user, due: await this.options.dueCount(guild, user) });
    } catch (err) {
      if (err instanceof DmClosedError) return this.closed(key, slot);
      this.options.log.warn({ err, key, slot }, 'reminder DM failed; not retried today');
      return this.handled(key, slot, 'failed', day);
    }
    this.options.log.info({ key, slot, day }, 'reminder sent');
    return this.handled(key, slot, 'sent', day);
  }

  private async closed(key: string, slot: Date): Promise<ReminderResult> {
    this.options.log.info({ key }, 'member does not accept DMs; reminder turned off');
    const record = await this.options.settings.update(key, (current) => {
      if (!current) throw new Error(`reminder settings of ${key} vanished while sending`);
      return { ...current, enabled: false, dmsClosed: true, noticePending: true, lastSlot: slot.toISOString() };
    });
    this.notices.add(key);
    await this.place(key, record);
    return { key, outcome: 'dms-closed', slot };
  }

  private async handled(key: string, slot: Date, outcome: ReminderResult['outcome'], sentDay?: string): Promise<ReminderResult> {
    const record = await this.options.settings.update(key, (current) => {
      if (!current) throw new Error(`reminder settings of ${key} vanished while sending`);
      return {
        ...current,
        lastSlot: slot.toISOString(),
        ...(outcome === 'sent' || outcome === 'taken' ? { lastSentDay: sentDay ?? current.lastSentDay } : {}),
      };
    });
    await this.place(key, record);
    return { key, outcome, slot };
  }
}

/** Nothing at or before this instant is due: the last handled slot, or when the settings last changed. */
export function handledUntil(record: ReminderSettings): Date {
  const updated = Date.parse(record.updatedAt);
  return new Date(record.lastSlot === null ? updated : Math.max(updated, Date.parse(record.lastSlot)));
}
