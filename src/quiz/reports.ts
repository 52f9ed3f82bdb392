import type { Clock } from '../clock.js';
import type { Content } from '../content/content.js';
import type { Repository } from '../store/repository.js';
import type { Store } from '../store/store.js';
import { QuizRefusal, refusals } from './errors.js';
import { type Report, ReportsSchema } from './records.js';

/** Reports kept per guild: every open one, and the latest closed ones up to this total. */
export const REPORTS_KEPT = 500;

export interface ReportDeps {
  readonly store: Store;
  readonly content: Content;
  readonly clock: Clock;
}

/**
 * Members' reports about quiz questions, per guild, for the moderators: filed from a question's modal, listed
 * and closed in `/quiz reports`. They outlive a member's progress reset.
 */
export class ReportService {
  readonly reports: Repository<typeof ReportsSchema>;

  constructor(private readonly deps: ReportDeps) {
    this.reports = deps.store.repository('quiz.reports', ReportsSchema);
  }

  /** Files a report; a member's second report on the same open question replaces their reason. */
  async file(guild: string, user: string, question: string, reason: string): Promise<Report> {
    let filed: Report | undefined;
    await this.reports.update(guild, (current) => {
      const state = current ?? { v: 1 as const, next: 1, reports: [] };
      const existing = state.reports.find((r) => r.status === 'open' && r.user === user && r.question === question);
      const at = this.deps.clock.now().toISOString();
      if (existing) {
        filed = { ...existing, reason, at };
        return { ...state, reports: state.reports.map((r) => (r === existing ? (filed as Report) : r)) };
      }
      filed = { id: state.next, question, user, reason, at, version: this.deps.content.version, status: 'open' };
      const reports = [...state.reports, filed];
      if (reports.filter((r) => r.status === 'open').length > REPORTS_KEPT) throw new QuizRefusal(refusals.tooManyReports);
      let excess = reports.length - REPORTS_KEPT; // reports are oldest first: drop the oldest closed ones
      return { v: 1, next: state.next + 1, reports: reports.filter((r) => !(r.status === 'closed' && excess-- > 0)) };
    });
    if (!filed) throw new Error('report update did not run');
    return filed;
  }

  async open(guild: string): Promise<Report[]> {
    return ((await this.reports.get(guild))?.reports ?? []).filter((report) => report.status === 'open');
  }

  async close(guild: string, ids: readonly number[]): Promise<void> {
    await this.reports.update(guild, (current) => {
      const state = current ?? { v: 1 as const, next: 1, reports: [] };
      return { ...state, reports: state.reports.map((r) => (ids.includes(r.id) ? { ...r, status: 'closed' as const } : r)) };
    });
  }
}
