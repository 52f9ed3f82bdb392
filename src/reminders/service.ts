import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { memberKey } from '../quiz/records.js';
import type { ReviewService } from '../quiz/reviewService.js';
import type { QuizService } from '../quiz/service.js';
import type { Repository } from '../store/repository.js';
import type { Store } from '../store/store.js';
import { CLAIMS_NAMESPACE, type ReminderSettings, ReminderSettingsSchema, SETTINGS_NAMESPACE, THRESHOLD } from './record.js';
import { handledUntil, ReminderScheduler, type Timer } from './scheduler.js';
import { nextReminder } from './timing.js';

export interface RemindersOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  readonly quiz: QuizService;
  readonly reviews: ReviewService;
  readonly graceMs: number;
  readonly timer?: Timer;
}

/** What `/progress reminders` changes; omitted fields keep their current value. */
export interface ReminderChange {
  readonly enabled?: boolean;
  readonly threshold?: number;
  readonly time?: string;
  /** null clears quiet hours. */
  readonly quiet?: { readonly from: string; readonly to: string } | null;
}

export interface ReminderState {
  readonly settings: ReminderSettings;
  readonly zone: string;
  /** The next reminder check; undefined while off. */
  readonly next: Date | undefined;
}

export const DEFAULT_TIME = '18:00';

/** A member's review reminders: settings per member and guild, run by the reminder scheduler. */
export class Reminders {
  readonly scheduler: ReminderScheduler;
  readonly settings: Repository<typeof ReminderSettingsSchema>;

  constructor(private readonly options: RemindersOptions) {
    this.settings = options.store.repository(SETTINGS_NAMESPACE, ReminderSettingsSchema);
    this.scheduler = new ReminderScheduler({
      settings: this.settings,
      claims: options.store.claims(CLAIMS_NAMESPACE),
      clock: options.clock,
      log: options.log,
      graceMs: options.graceMs,
      zoneOf: (guild, user) => this.zoneOf(guild, user),
      dueCount: (guild, user) => options.reviews.dueCount(guild, user),
      membersOf: async (guild) => (await options.quiz.members.get(guild))?.members ?? [],
      ...(options.timer ? { timer: options.timer } : {}),
    });
  }

  private async zoneOf(guild: string, user: string): Promise<string> {
    return (await this.options.quiz.progress.get(memberKey(guild, user)))?.timeZone ?? 'UTC';
  }

  async state(guild: string, user: string): Promise<ReminderState | undefined> {
    const settings = await this.settings.get(memberKey(guild, user));
    return settings && this.describe(guild, user, settings);
  }

  /** Applies a change; turning reminders on clears an earlier closed-DMs switch-off and its unsaid notice. */
  async change(guild: string, user: string, change: ReminderChange): Promise<ReminderState> {
    const now = this.options.clock.now().toISOString();
    const settings = await this.settings.update(memberKey(guild, user), (current) => {
      const base: ReminderSettings = current ?? {
        v: 1,
        enabled: false,
        threshold: THRESHOLD.default,
        time: DEFAULT_TIME,
        quiet: null,
        dmsClosed: false,
        noticePending: false,
        lastSentDay: null,
        lastSlot: null,
        updatedAt: now,
      };
      const enabling = change.enabled === true;
      return {
        ...base,
        ...(change.enabled === undefined ? {} : { enabled: change.enabled }),
        ...(change.threshold === undefined ? {} : { threshold: change.threshold }),
        ...(change.time === undefined ? {} : { time: change.time }),
        ...(change.quiet === undefined ? {} : { quiet: change.quiet }),
        ...(enabling ? { dmsClosed: false, noticePending: false } : {}),
        updatedAt: now,
      };
    });
    if (change.enabled === true) this.scheduler.dropNotice(guild, user);
    await this.scheduler.track(guild, user);
    return this.describe(guild, user, settings);
  }

  /** The closed-DMs notice, once: true the first time it is asked for after reminders were switched off for it. */
  takeNotice(guild: string, user: string): Promise<boolean> {
    return this.scheduler.takeNotice(guild, user);
  }

  /** Re-places the member's reminder after their zone changed. */
  zoneChanged(guild: string, user: string): Promise<void> {
    return this.scheduler.track(guild, user);
  }

  async forget(guild: string, user: string): Promise<void> {
    await this.settings.delete(memberKey(guild, user));
    await this.scheduler.track(guild, user);
  }

  private async describe(guild: string, user: string, settings: ReminderSettings): Promise<ReminderState> {
    const zone = await this.zoneOf(guild, user);
    const after = new Date(Math.max(this.options.clock.now().getTime(), handledUntil(settings).getTime()));
    return { settings, zone, next: settings.enabled ? nextReminder(settings, zone, after) : undefined };
  }
}
