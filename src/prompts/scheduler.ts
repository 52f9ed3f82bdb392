/**
 * The weekly discussion-prompt scheduler: when each guild's next post is due, and posting it exactly once.
 *
 * Cost, for thousands of guilds:
 * - A due-queue, not a timer per guild. Every active schedule this shard owns has one entry in an in-memory
 *   min-heap (dueQueue.ts) keyed by the instant of its first unhandled slot. `runDue(now)` takes only the entries
 *   due at `now`: a tick costs O(due · log n) and nothing when nothing is due.
 * - One timer, armed for the head of the queue (the earliest slot of any guild) and armed again whenever the head
 *   changes: timers stay O(1) however many distinct schedules (weekday, time, zone) there are. A node-cron sweep
 *   every 5 minutes is the coarse backstop (a timer lost to a sleeping host, a store that was down when the
 *   head came due). Start-up runs `runDue` once: that is the catch-up.
 * - Which instant a slot is, DST included, is luxon's zone-aware calendar math (slots.ts), done when a guild is
 *   queued; never offset arithmetic, and no cron expression per schedule.
 * Tests and the playground call `runDue(at)` with their own clock and read `nextDue()`; no real timer is needed.
 *
 * Exactly once per slot:
 * - A slot is posted only by whoever wins `claims.claim("<guild>/<slot instant>")`, an atomic set-if-absent in the
 *   shared store (Redis SET NX, SQLite INSERT … ON CONFLICT, see src/store/claims.ts). Two ticks, a duplicate
 *   timer, a restart or a second process racing on one store cannot all win it. The claim outlives the grace
 *   window, after which nobody tries that slot again.
 * - After the claim the guild record stores `lastSlot` and a "posting" entry, then the message id once sent. A
 *   restart reads `lastSlot` and has nothing due. The price of never posting twice is at most once: a crash
 *   between claim and send loses that week's post, and `status` shows the post stuck at "posting" instead.
 * - Each guild's work is serialized in this process (KeyLock), so a second tick for it waits and finds it done.
 *
 * Missed slots: a slot up to `graceMs` old is still posted (the bot was down at post time); older ones are
 * recorded as missed for `status`, never posted. Failures are recorded; the third scheduled failure in a row
 * pauses the schedule with its reason. Only guilds `owns()` (this shard's) are scheduled. Due guilds run a few
 * at a time through p-map (well kept, no dependencies) rather than a hand-rolled pool.
 */
import pMap from 'p-map';
import type { Clock } from '../clock.js';
import type { Content } from '../content/content.js';
import { limits } from '../content/limits.js';
import type { Prompt } from '../content/schema.js';
import type { Logger } from '../log.js';
import type { Random } from '../random.js';
import type { Claims } from '../store/claims.js';
import { KeyLock } from '../store/keyLock.js';
import type { Repository } from '../store/repository.js';
import { DueQueue } from './dueQueue.js';
import { asPostError, cardFor, FAILURE_TEXT, PostError, type PromptPoster } from './poster.js';
import {
  failureRecord,
  handledUntil,
  type PromptSchedule,
  type PromptScheduleSchema,
  withError,
  withFailedPost,
  withMissed,
  withPosted,
  withPostStarted,
  withThread,
} from './record.js';
import { reconcile } from './rotation.js';
import { nextSlot, previousSlot, slotsBetween } from './slots.js';
import { cronTicker, type Ticker } from './ticks.js';

export type ScheduleRepository = Repository<typeof PromptScheduleSchema>;

export interface SchedulerOptions {
  readonly schedules: ScheduleRepository;
  readonly claims: Claims;
  readonly content: Content;
  readonly clock: Clock;
  readonly log: Logger;
  /** How late a slot may still be posted (the bot was down at post time). */
  readonly graceMs: number;
  readonly ticker?: Ticker;
  readonly random?: Random;
  /** Guilds posted at once when many share a slot. */
  readonly concurrency?: number;
  /** A guild's own prompts (approved member suggestions), posted ahead of the bundle's rotation. */
  readonly guildPrompts?: GuildPrompts;
}

/** A prompt of the guild's own, credited to the member who wrote it. */
export interface GuildPrompt {
  readonly prompt: Prompt;
  readonly author: string;
}

export interface GuildPrompts {
  next(guildId: string): Promise<GuildPrompt | undefined>;
  /** Called once the prompt went out, so it is not posted again. */
  posted(guildId: string, promptId: string): Promise<void>;
  /** One of the guild's own prompts by id (for status), whatever its state. */
  find(guildId: string, promptId: string): Promise<Prompt | undefined>;
}

/** A prompt that went out, for what follows a post (the stance round it opens). */
/** A post the scheduler has claimed and is about to send. */
interface PlannedPost {
  readonly guildId: string;
  readonly record: PromptSchedule;
  readonly promptId: string;
  readonly slot: Date | undefined;
  readonly own: GuildPrompt | undefined;
}

export interface PostedPrompt {
  readonly guildId: string;
  readonly channelId: string;
  readonly messageId: string;
  readonly threadId?: string;
  readonly prompt: Prompt;
  /** Absent for /prompts post-now. */
  readonly slot?: Date;
  readonly schedule: PromptSchedule;
}

/** What only exists once the Discord client is ready. */
export interface SchedulerRuntime {
  readonly poster: PromptPoster;
  /** True when this process (shard) owns the guild. */
  owns(guildId: string): boolean;
  /** Runs after every successful post; a failure is logged, never undoes the post. */
  onPosted?(post: PostedPrompt): Promise<void>;
}

const SWEEP = '*/5 * * * *';
const WEEK_MS = 7 * 24 * 3_600_000;

export type Delivery =
  | {
      readonly ok: true;
      readonly promptId: string;
      readonly messageId: string;
      readonly threadId?: string;
      readonly threadError?: PostError;
    }
  | { readonly ok: false; readonly promptId?: string; readonly error: PostError; readonly paused: boolean };

export interface SlotResult {
  readonly guildId: string;
  /** posted/failed: the slot was claimed here; taken: someone else holds its claim; missed: too late to post. */
  readonly outcome: 'posted' | 'failed' | 'missed' | 'taken' | 'idle' | 'error';
  readonly slot?: Date;
  readonly delivery?: Delivery;
}

const must = (record: PromptSchedule | undefined): PromptSchedule => {
  if (!record) throw new Error('the prompt schedule was removed while it was being posted');
  return record;
};

export class PromptScheduler {
  private readonly queue = new DueQueue();
  private readonly lock = new KeyLock();
  private runtime: SchedulerRuntime | undefined;
  private stopSweep: (() => void) | undefined;
  /** The one timer, armed for the queue's head: its instant and how to cancel it. */
  private head: { at: number; cancel: () => void } | undefined;
  private loaded = false;

  constructor(private readonly options: SchedulerOptions) {}

  get running(): boolean {
    return this.runtime !== undefined;
  }

  /** Live timers (the sweep and the head of the queue's), however many schedules; for tests and diagnostics. */
  get timerCount(): number {
    return (this.stopSweep ? 1 : 0) + (this.head ? 1 : 0);
  }

  private get ticker(): Ticker {
    return this.options.ticker ?? cronTicker;
  }

  /** Loads every schedule this shard owns, starts the ticks and posts any slot missed within the grace window. */
  async start(runtime: SchedulerRuntime): Promise<SlotResult[]> {
    this.runtime = runtime;
    this.stopSweep = this.ticker.every(SWEEP, 'UTC', () => this.tick());
    await this.load();
    return this.runDue();
  }

  stop(): void {
    this.stopSweep?.();
    this.stopSweep = undefined;
    this.head?.cancel();
    this.head = undefined;
    this.runtime = undefined;
    this.loaded = false;
  }

  /** The earliest instant some guild's slot is due, for "jump to the next post". */
  nextDue(): { guildId: string; at: Date } | undefined {
    const next = this.queue.peek();
    return next && { guildId: next.key, at: next.at };
  }

  /** Re-reads one guild's schedule after it changed (a command, the bot joining the guild) and reschedules it. */
  async track(guildId: string): Promise<void> {
    if (this.runtime) this.place(guildId, await this.options.schedules.get(guildId));
  }

  untrack(guildId: string): void {
    this.queue.delete(guildId);
    this.arm();
  }

  /** Runs every slot due at `now`: the tick handler in production, called directly by tests and the playground. */
  async runDue(now: Date = this.options.clock.now()): Promise<SlotResult[]> {
    if (!this.runtime) return [];
    const due = this.queue.takeDue(now);
    const run = async ({ key: guildId, at }: (typeof due)[number]): Promise<SlotResult> => {
      try {
        return await this.lock.run(guildId, () => this.runGuild(guildId, now));
      } catch (err) {
        this.options.log.error({ err, guildId }, 'prompt slot could not be handled; retrying at the next tick');
        if (!this.queue.has(guildId)) this.queue.set(guildId, at);
        return { guildId, outcome: 'error' };
      }
    };
    const results = await pMap(due, run, { concurrency: this.options.concurrency ?? 8 });
    this.arm();
    return results;
  }

  /** /prompts post-now: the next prompt in the rotation, outside the schedule. Undefined when not set up. */
  async postNow(guildId: string): Promise<Delivery | undefined> {
    return this.lock.run(guildId, async () => {
      if (!(await this.options.schedules.get(guildId))) return undefined;
      const { record, promptId, own } = await this.prepare(guildId, undefined);
      return promptId === undefined
        ? this.noPrompts(guildId, undefined)
        : this.deliver({ guildId, record, promptId, slot: undefined, own });
    });
  }

  /** Queues every schedule this shard owns. If the store is down at start-up, the next sweep tries again. */
  private async load() {
    for await (const [guildId, record] of this.options.schedules.entries()) this.place(guildId, record);
    this.loaded = true;
    this.arm();
    this.options.log.info({ guilds: this.queue.size, timers: this.timerCount }, 'prompt scheduler started');
  }

  private tick() {
    const work = this.loaded ? this.runDue() : this.load().then(() => this.runDue());
    void work.catch((err: unknown) => this.options.log.error({ err }, 'prompt tick failed'));
  }

  /** Queues an active, owned schedule at its next unhandled slot (or the first after `handled`); forgets anything else. */
  private place(guildId: string, record: PromptSchedule | undefined, handled?: Date): void {
    if (!this.schedulable(guildId, record)) {
      this.untrack(guildId);
      return;
    }
    this.queue.set(guildId, nextSlot(record, handled ?? handledUntil(record)));
    this.arm();
  }

  private schedulable(guildId: string, record: PromptSchedule | undefined): record is PromptSchedule {
    return record?.state === 'active' && this.runtime?.owns(guildId) === true;
  }

  /**
   * Arms the one timer for the head of the queue, if the head changed. A head already due is left to the run
   * under way or, if that failed (the store was down), to the sweep: re-arming at once would spin.
   */
  private arm() {
    const next = this.runtime ? this.queue.peek()?.at.getTime() : undefined;
    if (next === this.head?.at) return;
    this.head?.cancel();
    this.head = undefined;
    const wait = next === undefined ? 0 : next - this.options.clock.now().getTime();
    if (next === undefined || wait <= 0) return;
    const cancel = this.ticker.after(wait, () => {
      this.head = undefined;
      this.tick();
    });
    this.head = { at: next, cancel };
  }

  private async runGuild(guildId: string, now: Date): Promise<SlotResult> {
    const record = await this.options.schedules.get(guildId);
    if (!this.schedulable(guildId, record)) {
      this.untrack(guildId);
      return { guildId, outcome: 'idle' };
    }
    const slot = previousSlot(record, now);
    const handled = handledUntil(record);
    if (slot <= handled) {
      this.place(guildId, record);
      return { guildId, outcome: 'idle' };
    }
    const unhandled = slotsBetween(record, handled, slot);
    if (now.getTime() - slot.getTime() > this.options.graceMs) {
      this.place(guildId, await this.noteMissed(guildId, slot, unhandled));
      return { guildId, outcome: 'missed', slot };
    }
    if (!(await this.options.claims.claim(`${guildId}/${slot.toISOString()}`, this.options.graceMs + WEEK_MS))) {
      this.options.log.info({ guildId, slot }, 'prompt slot already claimed elsewhere; not posting it again');
      this.place(guildId, record, slot);
      return { guildId, outcome: 'taken', slot };
    }
    if (unhandled > 1) await this.noteMissed(guildId, previousSlot(record, new Date(slot.getTime() - 1)), unhandled - 1);
    const { record: claimed, promptId, own } = await this.prepare(guildId, slot);
    const delivery =
      promptId === undefined ? await this.noPrompts(guildId, slot) : await this.deliver({ guildId, record: claimed, promptId, slot, own });
    this.place(guildId, await this.options.schedules.get(guildId));
    return { guildId, outcome: delivery.ok ? 'posted' : 'failed', slot, delivery };
  }

  private noteMissed(guildId: string, latest: Date, count: number): Promise<PromptSchedule> {
    this.options.log.warn({ guildId, latest, count }, 'prompt slots missed while offline past the grace window; skipped');
    return this.options.schedules.update(guildId, (current) => withMissed(must(current), latest, count));
  }

  /** Picks the next prompt and records the post as under way (for a slot: also that the slot is taken). */
  private async prepare(guildId: string, slot: Date | undefined) {
    const own = await this.options.guildPrompts?.next(guildId);
    let promptId: string | undefined;
    const at = this.options.clock.now().toISOString();
    const record = await this.options.schedules.update(guildId, (current) => {
      const record = must(current);
      const rotation = reconcile(record.rotation, [...this.options.content.prompts.keys()], this.options.random ?? Math.random);
      promptId = own?.prompt.id ?? rotation.queue[0];
      return withPostStarted(record, { rotation, promptId, slot, at });
    });
    return { record, promptId, own };
  }

  private async deliver(post: PlannedPost): Promise<Delivery> {
    const { guildId, record, promptId, slot, own } = post;
    const prompt = own?.prompt ?? this.options.content.prompts.get(promptId);
    const delivery = await this.send(post, prompt);
    if (!delivery.ok || !prompt) return delivery;
    await this.announce({
      guildId,
      channelId: record.channelId,
      messageId: delivery.messageId,
      prompt,
      schedule: record,
      ...(slot ? { slot } : {}),
      ...(delivery.threadId ? { threadId: delivery.threadId } : {}),
    });
    return delivery;
  }

  private async announce(post: PostedPrompt) {
    const after = async (what: string, task: () => Promise<void> | undefined) => {
      try {
        await task();
      } catch (err) {
        this.options.log.error({ err, guildId: post.guildId, messageId: post.messageId }, `${what} failed after a post; the post stands`);
      }
    };
    await after('marking a guild prompt posted', () => this.options.guildPrompts?.posted(post.guildId, post.prompt.id));
    await after('the post hook', () => this.runtime?.onPosted?.(post));
  }

  private async send({ guildId, record, promptId, slot, own }: PlannedPost, prompt: Prompt | undefined): Promise<Delivery> {
    const { content, schedules, log } = this.options;
    const poster = this.runtime?.poster;
    if (!prompt || !poster) return this.failed(guildId, asPostError(new Error('the scheduler stopped before posting')), slot);
    let messageId: string;
    try {
      messageId = await poster.post(record.channelId, { ...cardFor(content, prompt), ...(own ? { suggestedBy: own.author } : {}) });
    } catch (err) {
      return this.failed(guildId, asPostError(err), slot, promptId);
    }
    log.info({ guildId, channelId: record.channelId, messageId, promptId, slot }, 'prompt posted');
    await schedules.update(guildId, (current) => withPosted(must(current), messageId, own ? undefined : promptId));
    if (!record.thread) return { ok: true, promptId, messageId };
    try {
      const threadId = await poster.openThread(record.channelId, messageId, prompt.title.slice(0, limits.threadName));
      await schedules.update(guildId, (current) => withThread(must(current), threadId));
      return { ok: true, promptId, messageId, threadId };
    } catch (err) {
      const threadError = asPostError(err);
      log.warn({ guildId, channelId: record.channelId, messageId, kind: threadError.kind, code: threadError.code }, 'prompt thread failed');
      await this.recordError(guildId, threadError, 'thread', slot);
      return { ok: true, promptId, messageId, threadError };
    }
  }

  private noPrompts(guildId: string, slot: Date | undefined): Promise<Delivery> {
    return this.failed(guildId, new PostError('no-prompts', FAILURE_TEXT['no-prompts']), slot);
  }

  /** Records a failed post; a scheduled one counts towards pausing the schedule. */
  private async failed(guildId: string, error: PostError, slot: Date | undefined, promptId?: string): Promise<Delivery> {
    let paused = false;
    await this.options.schedules.update(guildId, (current) => {
      const record = must(current);
      const next = withFailedPost(record, failureRecord(error, 'post', slot, this.options.clock.now()));
      paused = record.state === 'active' && next.state === 'paused';
      return next;
    });
    this.options.log.warn({ guildId, slot, kind: error.kind, code: error.code, err: error.message, paused }, 'prompt post failed');
    if (paused) this.untrack(guildId);
    return { ok: false, error, paused, ...(promptId === undefined ? {} : { promptId }) };
  }

  private async recordError(guildId: string, error: PostError, stage: 'post' | 'thread', slot: Date | undefined) {
    const failure = failureRecord(error, stage, slot, this.options.clock.now());
    await this.options.schedules.update(guildId, (current) => withError(must(current), failure));
  }
}
