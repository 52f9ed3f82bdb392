import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Content } from './content/content.js';
import type { CommandSummary } from './discord/catalog.js';
import type { Logger } from './log.js';
import type { Prompts } from './prompts/service.js';
import type { ReportService } from './quiz/reports.js';
import type { ReviewService } from './quiz/reviewService.js';
import type { RoundService } from './quiz/rounds.js';
import type { QuizService } from './quiz/service.js';
import type { Reminders } from './reminders/service.js';
import type { StanceService } from './stances/service.js';
import type { SuggestionQueue } from './stances/suggestions.js';

/** What every handler receives: domain services, never raw storage or the Discord client. */
export interface Services {
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly content: Content;
  /** One line per command, for /help. */
  readonly catalog: readonly CommandSummary[];
  /** Private quizzes, progress and the leaderboard. */
  readonly quiz: QuizService;
  /** Members' reports about questions, for the moderators. */
  readonly reports: ReportService;
  /** Review rounds of a member's missed questions that have come due. */
  readonly reviews: ReviewService;
  /** Opt-in review reminders by DM and the scheduler that sends them. */
  readonly reminders: Reminders;
  /** Public quiz rounds in channels (timers, reveal, restart sweep). */
  readonly rounds: RoundService;
  /** Weekly discussion prompts: schedules, rotation and the scheduler that posts them. */
  readonly prompts: Prompts;
  /** Debate rounds on the weekly prompts: members' private stances, the reveal, history and trend. */
  readonly stances: StanceService;
  /** Members' prompt suggestions and their review. */
  readonly suggestions: SuggestionQueue;
}
