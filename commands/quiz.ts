import { MessageFlags, ApplicationCommandOptionType as Option, PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import type { Content } from '../src/content/content.js';
import { asApiJson } from '../src/discord/apiJson.js';
import {
  type AnywhereClick,
  type ButtonClick,
  button,
  defineCommand,
  dmButton,
  type MenuChoice,
  type ModalSubmit,
  modal,
  type SlashInteraction,
  type SubcommandArgs,
  select,
} from '../src/discord/command.js';
import type { Decoded } from '../src/discord/customId.js';
import { Expired, Refusal } from '../src/discord/errors.js';
import type { CommandData } from '../src/discord/options.js';
import { assertOwner } from '../src/discord/owner.js';
import { answerId, closeReportsId, nextId, REPORT_REASON, reportFormId, reportId, roundAnswerId, stopId } from '../src/discord/quizIds.js';
import { ephemeral, noMentions } from '../src/discord/reply.js';
import { reviewAnswerId, reviewNextId, reviewStartId, reviewStopId } from '../src/discord/reviewIds.js';
import { letter } from '../src/discord/views/parts.js';
import { questionView, reportModal, reportsView, sessionEndView, verdictView } from '../src/discord/views/quiz.js';
import { nothingDueView, reviewQuestionView, reviewSummaryView, reviewVerdictView } from '../src/discord/views/review.js';
import { roundStartedView } from '../src/discord/views/round.js';
import { statsView } from '../src/discord/views/stats.js';
import { sectionChoices } from '../src/discord/views/summary.js';
import { QuizRefusal, refusals } from '../src/quiz/errors.js';
import type { QuestionFilter } from '../src/quiz/select.js';
import { guildStats } from '../src/quiz/statsService.js';
import type { Services } from '../src/services.js';

export const ROUND_QUESTIONS = { min: 1, max: 10, default: 5 } as const;
export const ROUND_SECONDS = { min: 10, max: 300, default: 30 } as const;

const NOT_YOURS = 'This quiz belongs to someone else. Start your own with `/quiz start`.';
const CANNOT_POST = 'I cannot post in this channel: I need View Channel, Send Messages and Embed Links here.';

const data = {
  name: 'quiz',
  description: 'Quiz yourself or the whole channel on the study bundle',
  options: [
    {
      type: Option.Subcommand,
      name: 'start',
      description: 'A private quiz only you see; questions you miss come back for review',
      options: [
        { type: Option.String, name: 'section', description: 'Only questions from this section', autocomplete: true },
        {
          type: Option.Integer,
          name: 'difficulty',
          description: 'Only questions of this difficulty',
          choices: [
            { name: 'Easy', value: 1 },
            { name: 'Medium', value: 2 },
            { name: 'Hard', value: 3 },
          ],
        },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'channel',
      description: 'A public round for this channel: everyone answers, first click counts',
      options: [
        {
          type: Option.Integer,
          name: 'questions',
          description: `How many questions (default ${ROUND_QUESTIONS.default})`,
          min_value: ROUND_QUESTIONS.min,
          max_value: ROUND_QUESTIONS.max,
        },
        {
          type: Option.Integer,
          name: 'seconds',
          description: `Seconds to answer each question (default ${ROUND_SECONDS.default})`,
          min_value: ROUND_SECONDS.min,
          max_value: ROUND_SECONDS.max,
        },
      ],
    },
    { type: Option.Subcommand, name: 'reports', description: 'Open reports about quiz questions (needs Manage Server)' },
    {
      type: Option.Subcommand,
      name: 'review',
      description: 'A private round of only your missed questions that are due; misses come back until you get them',
    },
    {
      type: Option.Subcommand,
      name: 'stats',
      description: 'What the group keeps missing, mastery per section, participation (needs Manage Server)',
    },
  ],
} as const satisfies CommandData;

/** The same ranked section suggestions as /summary's, so both commands find a section the same way. */
export const matchSections = (content: Content, typed: string) => sectionChoices(content.rankSections(typed));

/**
 * Starts a private quiz and answers the interaction with its first question (ephemeral). Exported for other
 * entry points such as the "Quiz me on this" button of /summary.
 */
export async function startPrivateQuiz(ctx: Services, interaction: SlashInteraction | ButtonClick, filter: QuestionFilter) {
  if (filter.section && !ctx.content.sections.has(filter.section)) {
    throw new Refusal('There is no such section. Pick one from the list, or leave the option empty.');
  }
  const asked = await ctx.quiz.start(interaction.guildId, interaction.user.id, filter);
  if (!asked) return interaction.reply(ephemeral('No question matches that section and difficulty. Try another one.'));
  return interaction.reply({ ...asApiJson(questionView(ctx.content, asked, interaction.user.id)), flags: MessageFlags.Ephemeral });
}

function canPost(permissions: Readonly<PermissionsBitField>) {
  const { ViewChannel, EmbedLinks, SendMessages, SendMessagesInThreads } = PermissionFlagsBits;
  return permissions.has([ViewChannel, EmbedLinks]) && (permissions.has(SendMessages) || permissions.has(SendMessagesInThreads));
}

async function startRound(ctx: Services, interaction: SlashInteraction, args: SubcommandArgs<typeof data, 'channel'>) {
  const guild = interaction.guildId;
  const questions = args.questions ?? ROUND_QUESTIONS.default;
  const seconds = args.seconds ?? ROUND_SECONDS.default;
  if (!canPost(interaction.appPermissions)) throw new Refusal(CANNOT_POST);
  if (await ctx.rounds.isRunning(guild, interaction.channelId)) throw new QuizRefusal(refusals.roundBusy);
  await interaction.reply(roundStartedView(interaction.user.id, questions, seconds));
  try {
    await ctx.rounds.start({ guild, channel: interaction.channelId, user: interaction.user.id, questions, seconds });
  } catch (err) {
    await interaction.editReply({ content: 'The quiz round could not start.', allowedMentions: noMentions }).catch(() => undefined);
    throw err;
  }
}

async function listReports(ctx: Services, interaction: SlashInteraction) {
  const reports = await ctx.reports.open(interaction.guildId);
  return interaction.reply({ ...reportsView(ctx.content, reports), flags: MessageFlags.Ephemeral });
}

async function answer(ctx: Services, interaction: ButtonClick, { session, owner, n, choice }: Decoded<typeof answerId>) {
  assertOwner(interaction, owner, NOT_YOURS);
  const verdict = await ctx.quiz.answer(interaction.guildId, owner, session, n, choice);
  return interaction.update(asApiJson(verdictView(ctx.content, verdict, owner)));
}

async function next(ctx: Services, interaction: ButtonClick, { session, owner }: Decoded<typeof nextId>) {
  assertOwner(interaction, owner, NOT_YOURS);
  const asked = await ctx.quiz.next(interaction.guildId, owner, session);
  return interaction.update(
    asApiJson(asked.kind === 'asked' ? questionView(ctx.content, asked.asked, owner) : sessionEndView(asked.totals, 'finished')),
  );
}

async function stop(ctx: Services, interaction: ButtonClick, { session, owner }: Decoded<typeof stopId>) {
  assertOwner(interaction, owner, NOT_YOURS);
  return interaction.update(sessionEndView(await ctx.quiz.stop(interaction.guildId, owner, session), 'stopped'));
}

async function answerRound(ctx: Services, interaction: ButtonClick, { round, n, choice }: Decoded<typeof roundAnswerId>) {
  const result = await ctx.rounds.answer(interaction.guildId, interaction.channelId ?? '', round, n, interaction.user.id, choice);
  const text =
    result.status === 'locked'
      ? `Answer locked in: **${letter(choice)}**. The right answer shows when the timer ends.`
      : `You already answered **${letter(result.choice)}**; your first answer is the one that counts.`;
  return interaction.reply(ephemeral(text));
}

async function fileReport(
  ctx: Services,
  interaction: ModalSubmit,
  { q, reason }: Decoded<typeof reportFormId> & Record<typeof REPORT_REASON, string>,
) {
  if (reason.trim().length === 0) throw new Refusal('Please say what is wrong with the question.');
  const report = await ctx.reports.file(interaction.guildId, interaction.user.id, q, reason.trim());
  return interaction.reply(ephemeral(`Thanks: report #${report.id} is with the moderators. They see it in \`/quiz reports\`.`));
}

async function closeReports(ctx: Services, interaction: MenuChoice) {
  await ctx.reports.close(interaction.guildId, interaction.values.map(Number));
  return interaction.update(reportsView(ctx.content, await ctx.reports.open(interaction.guildId)));
}

const NOT_YOUR_REVIEW = 'This review round belongs to someone else. Start your own with `/quiz review`.';

/** A review button works in the guild it names or in a DM; its owner only. */
function assertReviewOwner(interaction: AnywhereClick, guild: string, owner: string) {
  if (interaction.inGuild() && interaction.guildId !== guild) throw new Expired('review button of another guild');
  if (interaction.user.id !== owner) throw new Refusal(NOT_YOUR_REVIEW);
}

async function startReview(ctx: Services, guild: string, owner: string) {
  const start = await ctx.reviews.start(guild, owner);
  return start.kind === 'asked' ? reviewQuestionView(ctx.content, guild, start.asked, owner) : nothingDueView(start.nextDue);
}

async function reviewFromSlash(ctx: Services, interaction: SlashInteraction) {
  const view = await startReview(ctx, interaction.guildId, interaction.user.id);
  return interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
}

async function reviewFromReminder(ctx: Services, interaction: AnywhereClick, { guild, owner }: Decoded<typeof reviewStartId>) {
  assertReviewOwner(interaction, guild, owner);
  return interaction.update(await startReview(ctx, guild, owner));
}

async function reviewAnswer(
  ctx: Services,
  interaction: AnywhereClick,
  { guild, session, owner, n, choice }: Decoded<typeof reviewAnswerId>,
) {
  assertReviewOwner(interaction, guild, owner);
  const verdict = await ctx.reviews.answer(guild, owner, session, n, choice);
  return interaction.update(reviewVerdictView(ctx.content, guild, verdict, owner));
}

async function reviewNext(ctx: Services, interaction: AnywhereClick, { guild, session, owner }: Decoded<typeof reviewNextId>) {
  assertReviewOwner(interaction, guild, owner);
  const next = await ctx.reviews.next(guild, owner, session);
  return interaction.update(
    next.kind === 'asked'
      ? reviewQuestionView(ctx.content, guild, next.asked, owner)
      : reviewSummaryView(ctx.content, next.summary, 'finished'),
  );
}

async function reviewStop(ctx: Services, interaction: AnywhereClick, { guild, session, owner }: Decoded<typeof reviewStopId>) {
  assertReviewOwner(interaction, guild, owner);
  return interaction.update(reviewSummaryView(ctx.content, await ctx.reviews.stop(guild, owner, session), 'stopped'));
}

async function showStats(ctx: Services, interaction: SlashInteraction) {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const stats = await guildStats(ctx, interaction.guildId, ctx.clock.now());
  return interaction.editReply(await statsView(ctx.content, stats));
}

/** Starting a quiz picks questions and writes a session (a round also posts to the channel): not in a loop. */
export const QUIZ_COOLDOWN_SECONDS = { start: 3, channel: 30, review: 3, stats: 10 } as const;

const { ManageGuild } = PermissionFlagsBits;

export default defineCommand({
  data,
  subcommands: {
    start: {
      cooldown: QUIZ_COOLDOWN_SECONDS.start,
      run: (ctx, interaction, { section, difficulty }) => startPrivateQuiz(ctx, interaction, { section, difficulty }),
    },
    channel: { cooldown: QUIZ_COOLDOWN_SECONDS.channel, run: startRound },
    // Discord hides whole commands only, so members see /quiz reports; the router refuses them at run time.
    reports: { requires: ManageGuild, run: listReports },
    review: { cooldown: QUIZ_COOLDOWN_SECONDS.review, run: reviewFromSlash },
    stats: { requires: ManageGuild, cooldown: QUIZ_COOLDOWN_SECONDS.stats, run: showStats },
  },
  autocomplete: (ctx, interaction) => interaction.respond(matchSections(ctx.content, interaction.options.getFocused())),
  components: [
    button(answerId, answer),
    button(nextId, next),
    button(stopId, stop),
    button(roundAnswerId, answerRound),
    button(reportId, async (ctx, interaction, { q }) => interaction.showModal(reportModal(ctx.content.questions.get(q), q))),
    modal(reportFormId, [REPORT_REASON], fileReport),
    select(closeReportsId, closeReports, { requires: ManageGuild }),
    dmButton(reviewStartId, reviewFromReminder),
    dmButton(reviewAnswerId, reviewAnswer),
    dmButton(reviewNextId, reviewNext),
    dmButton(reviewStopId, reviewStop),
  ],
});
