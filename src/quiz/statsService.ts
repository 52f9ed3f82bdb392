import type { Content } from '../content/content.js';
import { memberKey, type Progress } from './records.js';
import type { QuizService } from './service.js';
import { type GroupStats, groupStats } from './stats.js';

/** Progress records read at once while gathering a guild's figures: enough to be quick, few enough for Redis. */
const READS_AT_ONCE = 25;

/** Every listed member's progress in a guild (members without a record are skipped). */
async function groupProgress(quiz: QuizService, guild: string): Promise<Progress[]> {
  const members = (await quiz.members.get(guild))?.members ?? [];
  const found: Progress[] = [];
  for (let start = 0; start < members.length; start += READS_AT_ONCE) {
    const batch = await Promise.all(members.slice(start, start + READS_AT_ONCE).map((user) => quiz.progress.get(memberKey(guild, user))));
    found.push(...batch.flatMap((progress) => (progress ? [progress] : [])));
  }
  return found;
}

/** `/quiz stats`: the group's figures for moderators, from every member's progress and the open reports. */
export async function guildStats(quiz: QuizService, content: Content, guild: string, now: Date): Promise<GroupStats> {
  const [progress, reports] = await Promise.all([groupProgress(quiz, guild), quiz.openReports(guild)]);
  return groupStats(content, progress, reports, now);
}
