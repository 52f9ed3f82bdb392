import type { App } from '../../src/app.js';
import type { StandIn } from '../../testkit/index.js';
import type { ClockState, JumpResult } from './protocol.js';

/**
 * The page's clock control. The bot reads the stand-in's clock, so moving the stand-in's clock moves both;
 * "jump to next post" then does what node-cron does at the slot: run the scheduler's due work.
 */
export class ClockControl {
  constructor(
    private readonly standIn: StandIn,
    private readonly app: App,
  ) {}

  state(): ClockState {
    const { prompts, reminders } = this.app.services;
    return {
      now: this.standIn.clock.now(),
      nextPost: prompts.scheduler.nextDue()?.at.getTime() ?? null,
      nextReminder: reminders.scheduler.nextDue()?.at.getTime() ?? null,
    };
  }

  async jumpToNextPost(): Promise<JumpResult> {
    const { prompts, rounds, stances } = this.app.services;
    const next = prompts.scheduler.nextDue();
    if (!next) return { clock: this.state(), jumped: false, posted: 0 };
    if (next.at.getTime() > this.standIn.clock.now()) this.standIn.clock.set(next.at.getTime());
    const slots = await prompts.scheduler.runDue();
    // Quiz rounds whose timers the jump overtook are revealed now, as they would have been by then; so are stance
    // rounds set to close after some days (those that close with the next post were revealed by the post itself).
    await rounds.runDue();
    await stances.closeDue();
    await this.app.services.reminders.scheduler.runDue();
    return { clock: this.state(), jumped: true, posted: slots.filter((s) => s.outcome === 'posted').length };
  }

  /** Moves the clock to the next review reminder and runs what the reminder timer would run then. */
  async jumpToNextReminder(): Promise<JumpResult> {
    const { reminders, rounds } = this.app.services;
    const next = reminders.scheduler.nextDue();
    if (!next) return { clock: this.state(), jumped: false, posted: 0 };
    if (next.at.getTime() > this.standIn.clock.now()) this.standIn.clock.set(next.at.getTime());
    const results = await reminders.scheduler.runDue();
    await rounds.runDue();
    return { clock: this.state(), jumped: true, posted: results.filter((r) => r.outcome === 'sent').length };
  }
}
