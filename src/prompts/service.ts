import type { Prompt } from '../content/schema.js';
import type { Store } from '../store/store.js';
import { CLAIMS_NAMESPACE, handledUntil, type PromptSchedule, PromptScheduleSchema, SCHEDULES_NAMESPACE } from './record.js';
import { consume, emptyRotation, type Rotation, reconcile } from './rotation.js';
import { PromptScheduler, type ScheduleRepository, type SchedulerOptions } from './scheduler.js';
import { nextSlot, type WeeklySchedule } from './slots.js';

/** The scheduler's options, with the store its records and claims come from. */
export interface PromptsOptions extends Omit<SchedulerOptions, 'schedules' | 'claims'> {
  readonly store: Store;
}

export interface SetupInput extends WeeklySchedule {
  readonly channelId: string;
  readonly thread: boolean;
}

export interface PromptStatus {
  readonly record: PromptSchedule;
  /** When the next post is due; undefined unless the schedule is active. */
  readonly nextPost: Date | undefined;
  readonly upNext: Prompt | undefined;
  /** Prompts left in this round, the next one included. */
  readonly left: number;
  readonly total: number;
  readonly lastPrompt: Prompt | undefined;
}

export interface Change {
  readonly before: PromptSchedule;
  readonly after: PromptSchedule;
  readonly nextPost: Date | undefined;
}

/** What /prompts does: a guild's schedule record, changed here and run by the scheduler. */
export class Prompts {
  readonly scheduler: PromptScheduler;
  private readonly schedules: ScheduleRepository;

  constructor(private readonly options: PromptsOptions) {
    this.schedules = options.store.repository(SCHEDULES_NAMESPACE, PromptScheduleSchema);
    const { store, ...scheduling } = options;
    this.scheduler = new PromptScheduler({ ...scheduling, schedules: this.schedules, claims: store.claims(CLAIMS_NAMESPACE) });
  }

  /** Creates or replaces the guild's schedule; the first post is the first slot after now. */
  async setup(guildId: string, input: SetupInput): Promise<{ record: PromptSchedule; nextPost: Date }> {
    const now = this.options.clock.now().toISOString();
    const record = await this.schedules.update(guildId, (current) => ({
      v: 1,
      channelId: input.channelId,
      weekday: input.weekday,
      time: input.time,
      timezone: input.timezone,
      thread: input.thread,
      state: 'active',
      activeSince: now,
      failures: 0,
      rotation: this.reconciled(current?.rotation ?? emptyRotation),
      ...(current?.lastSlot === undefined ? {} : { lastSlot: current.lastSlot }),
      ...(current?.lastPost === undefined ? {} : { lastPost: current.lastPost }),
    }));
    await this.scheduler.track(guildId);
    return { record, nextPost: nextSlot(record, handledUntil(record)) };
  }

  async status(guildId: string): Promise<PromptStatus | undefined> {
    const stored = await this.schedules.get(guildId);
    if (!stored) return undefined;
    const record = this.rotationChanged(stored) ? await this.change(guildId, (current) => current) : stored;
    const { prompts } = this.options.content;
    const upNextId = record.rotation.queue[0];
    const own = await this.options.guildPrompts?.next(guildId);
    return {
      record,
      nextPost: record.state === 'active' ? nextSlot(record, handledUntil(record)) : undefined,
      upNext: own?.prompt ?? (upNextId === undefined ? undefined : prompts.get(upNextId)),
      left: record.rotation.queue.length,
      total: prompts.size,
      lastPrompt:
        record.lastPost &&
        (prompts.get(record.lastPost.promptId) ?? (await this.options.guildPrompts?.find(guildId, record.lastPost.promptId))),
    };
  }

  /** Skips the next prompt in the rotation; undefined when not set up or the bundle has no prompts. */
  /** Skips the bundle's next prompt; an approved member suggestion, if any, still goes out first (and is named next). */
  async skip(guildId: string): Promise<{ skipped: Prompt; next: Prompt | undefined } | undefined> {
    if (!(await this.schedules.get(guildId))) return undefined;
    let skippedId: string | undefined;
    const record = await this.change(guildId, (current) => {
      const rotation = this.reconciled(current.rotation);
      skippedId = rotation.queue[0];
      return { ...current, rotation: skippedId === undefined ? rotation : consume(rotation, skippedId) };
    });
    const skipped = skippedId === undefined ? undefined : this.options.content.prompts.get(skippedId);
    const nextId = record.rotation.queue[0];
    const own = await this.options.guildPrompts?.next(guildId);
    return skipped && { skipped, next: own?.prompt ?? (nextId === undefined ? undefined : this.options.content.prompts.get(nextId)) };
  }

  pause(guildId: string): Promise<Change | undefined> {
    return this.transition(guildId, (current) =>
      current.state === 'active' ? { ...current, state: 'paused', pausedReason: undefined } : current,
    );
  }

  /** Resumes a paused or switched-off schedule from the next slot on; slots while it was paused are not posted. */
  resume(guildId: string): Promise<Change | undefined> {
    const now = this.options.clock.now().toISOString();
    return this.transition(guildId, (current) =>
      current.state === 'active' ? current : { ...current, state: 'active', pausedReason: undefined, failures: 0, activeSince: now },
    );
  }

  off(guildId: string): Promise<Change | undefined> {
    return this.transition(guildId, (current) => ({ ...current, state: 'off', pausedReason: undefined }));
  }

  postNow(guildId: string) {
    return this.scheduler.postNow(guildId);
  }

  private async transition(guildId: string, next: (current: PromptSchedule) => PromptSchedule): Promise<Change | undefined> {
    const before = await this.schedules.get(guildId);
    if (!before) return undefined;
    const after = await this.change(guildId, next);
    await this.scheduler.track(guildId);
    return { before, after, nextPost: after.state === 'active' ? nextSlot(after, handledUntil(after)) : undefined };
  }

  /** Updates an existing record, keeping its rotation in step with the bundle. */
  private change(guildId: string, next: (current: PromptSchedule) => PromptSchedule): Promise<PromptSchedule> {
    return this.schedules.update(guildId, (current) => {
      if (!current) throw new Error(`no prompt schedule for guild ${guildId}`);
      const changed = next(current);
      return { ...changed, rotation: this.reconciled(changed.rotation) };
    });
  }

  private reconciled(rotation: Rotation): Rotation {
    return reconcile(rotation, [...this.options.content.prompts.keys()], this.options.random ?? Math.random);
  }

  private rotationChanged(record: PromptSchedule): boolean {
    const ids = [...this.options.content.prompts.keys()];
    const known = new Set([...record.rotation.queue, ...record.rotation.used]);
    return (
      (record.rotation.queue.length === 0 && ids.length > 0) ||
      ids.some((id) => !known.has(id)) ||
      record.rotation.queue.some((id) => !this.options.content.prompts.has(id))
    );
  }
}
