import type { Content } from '../content/content.js';
import type { ReportService } from './reports.js';
import type { QuizService } from './service.js';
import { type GroupStats, groupStats } from './stats.js';

/** `/quiz stats`: the group's figures for moderators, from every member's progress and the open reports. */
export async function guildStats(
  services: { readonly quiz: QuizService; readonly reports: ReportService; readonly content: Content },
  guild: string,
  now: Date,
): Promise<GroupStats> {
  const [members, reports] = await Promise.all([services.quiz.memberProgress(guild), services.reports.open(guild)]);
  return groupStats(
    services.content,
    members.map(({ progress }) => progress),
    reports,
    now,
  );
}
