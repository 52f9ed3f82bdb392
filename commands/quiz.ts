import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  PermissionFlagsBits,
  type PermissionsBitField,
  SlashCommandBuilder,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Content } from '../src/content/content.js';
import { type ComponentInteraction, type ComponentRoute, defineCommand, on } from '../src/discord/command.js';
import type { CustomId } from '../src/discord/customId.js';
import { UserFacingError } from '../src/discord/errors.js';
import { assertOwner, guildOf, userFacing } from '../src/discord/quizGuards.js';
import { answerId, closeReportsId, nextId, REPORT_REASON, reportFormId, reportId, roundAnswerId, stopId } from '../src/discord/quizIds.js';
import { ephemeral, noMentions } from '../src/discord/reply.js';
import { EXPIRED } from '../src/discord/router.js';
import { letter, questionView, reportModal, reportsView, sessionEndView, verdictView } from '../src/discord/views/quiz.js';
import { roundStartedView } from '../src/discord/views/round.js';
import { sectionChoices } from '../src/discord/views/summary.js';
import { QuizRefusal, refusals } from '../src/quiz/errors.js';
import type { Difficulty } from '../src/quiz/records.js';
import type { QuestionFilter } from '../src/quiz/select.js';
import type { Services } from '../src/services.js';

export const ROUND_QUESTIONS = { min: 1, max: 10, default: 5 } as const;
export const ROUND_SECONDS = { min: 10, max: 300, default: 30 } as const;

const MANAGE_SERVER = 'You need the **Manage Server** permission to use this.';
const NOT_YOURS = 'This quiz belongs to someone else. Start your own with `/quiz start`.';
const CANNOT_POST = 'I cannot post in this channel: I need View Channel, Send Messages and Embed Links here.';

const data = new SlashCommandBuilder()
  .setName('quiz')
  .setDescription('Quiz yourself or the whole channel on the study bundle')
  .addSubcommand((sub) =>
    sub
      .setName('start')
      .setDescription('A private quiz only you see; questions you miss come back for review')
      .addStringOption((option) => option.setName('section').setDescription('Only questions from this section').setAutocomplete(true))
      .addIntegerOption((option) =>
        option
          .setName('difficulty')
          .setDescription('Only questions of this difficulty')
          .addChoices({ name: 'Easy', value: 1 }, { name: 'Medium', value: 2 }, { name: 'Hard', value: 3 }),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('channel')
      .setDescription('A public round for this channel: everyone answers, first click counts')
      .addIntegerOption((option) =>
        option
          .setName('questions')
          .setDescription(`How many questions (default ${ROUND_QUESTIONS.default})`)
          .setMinValue(ROUND_QUESTIONS.min)
          .setMaxValue(ROUND_QUESTIONS.max),
      )
      .addIntegerOption((option) =>
        option
          .setName('seconds')
          .setDescription(`Seconds to answer each question (default ${ROUND_SECONDS.default})`)
          .setMinValue(ROUND_SECONDS.min)
          .setMaxValue(ROUND_SECONDS.max),
      ),
  )
  .addSubcommand((sub) => sub.setName('reports').setDescription('Open reports about quiz questions (needs Manage Server)'));

function assertManager(interaction: { memberPermissions: Readonly<PermissionsBitField> | null }) {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) !== true) throw new UserFacingError(MANAGE_SERVER);
}

function button(interaction: ComponentInteraction): ButtonInteraction {
  if (!interaction.isButton()) throw new UserFacingError(EXPIRED);
  return interaction;
}

function menu(interaction: ComponentInteraction): StringSelectMenuInteraction {
  if (!interaction.isStringSelectMenu()) throw new UserFacingError(EXPIRED);
  return interaction;
}

/** A component route whose domain refusals and storage outages reach the member as plain answers. */
const route = <T>(id: CustomId<never, T>, run: ComponentRoute<T>['run']) => on(id, userFacing(run));

/** Sections whose id or title contains the typed text, in reading order; at most 25 (Discord's limit). */
/** The same ranked section suggestions as /summary's, so both commands find a section the same way. */
export const matchSections = (content: Content, typed: string) => sectionChoices(content.rankSections(typed));

/**
 * Starts a private quiz and answers the interaction with its first question (ephemeral). Exported for other
 * entry points such as the "Quiz me on this" button of /summary.
 */
export const startPrivateQuiz = userFacing(
  async (ctx: Services, interaction: ChatInputCommandInteraction | ButtonInteraction, filter: QuestionFilter) => {
    if (filter.section && !ctx.content.sections.has(filter.section)) {
      throw new UserFacingError('There is no such section. Pick one from the list, or leave the option empty.');
    }
    const asked = await ctx.quiz.start(guildOf(interaction), interaction.user.id, filter);
    if (!asked) return interaction.reply(ephemeral('No question matches that section and difficulty. Try another one.'));
    return interaction.reply({ ...questionView(ctx.content, asked, interaction.user.id), flags: MessageFlags.Ephemeral });
  },
);

function canPost(permissions: Readonly<PermissionsBitField>) {
  const { ViewChannel, EmbedLinks, SendMessages, SendMessagesInThreads } = PermissionFlagsBits;
  return permissions.has([ViewChannel, EmbedLinks]) && (permissions.has(SendMessages) || permissions.has(SendMessagesInThreads));
}

/** The difficulty choice; a value outside the choices (Discord's client sends none) is refused, not stored. */
function difficultyOption(interaction: ChatInputCommandInteraction): Difficulty | null {
  const value = interaction.options.getInteger('difficulty');
  if (value !== null && value !== 1 && value !== 2 && value !== 3) throw new UserFacingError('Pick Easy, Medium or Hard from the list.');
  return value;
}

const within = (value: number, range: { readonly min: number; readonly max: number }) => value >= range.min && value <= range.max;

async function startRound(ctx: Services, interaction: ChatInputCommandInteraction) {
  const guild = guildOf(interaction);
  const questions = interaction.options.getInteger('questions') ?? ROUND_QUESTIONS.default;
  const seconds = interaction.options.getInteger('seconds') ?? ROUND_SECONDS.default;
  // Discord enforces the options' min and max, but a value from elsewhere must not reach the round's deadline math.
  if (!within(questions, ROUND_QUESTIONS) || !within(seconds, ROUND_SECONDS)) {
    throw new UserFacingError(
      `A round takes ${ROUND_QUESTIONS.min}–${ROUND_QUESTIONS.max} questions of ${ROUND_SECONDS.min}–${ROUND_SECONDS.max} seconds each.`,
    );
  }
  if (!canPost(interaction.appPermissions)) throw new UserFacingError(CANNOT_POST);
  if (await ctx.rounds.isRunning(guild, interaction.channelId)) throw new QuizRefusal(refusals.roundBusy);
  await interaction.reply(roundStartedView(interaction.user.id, questions, seconds));
  try {
    await ctx.rounds.start({ guild, channel: interaction.channelId, user: interaction.user.id, questions, seconds });
  } catch (err) {
    await interaction.editReply({ content: 'The quiz round could not start.', allowedMentions: noMentions }).catch(() => undefined);
    throw err;
  }
}

async function listReports(ctx: Services, interaction: ChatInputCommandInteraction) {
  assertManager(interaction);
  const reports = await ctx.quiz.openReports(guildOf(interaction));
  return interaction.reply({ ...reportsView(ctx.content, reports), flags: MessageFlags.Ephemeral });
}

/** Starting a quiz picks questions and writes a session (a round also posts to the channel): not in a loop. */
export const QUIZ_COOLDOWN_SECONDS = { start: 3, channel: 30 } as const;

export default defineCommand({
  data,
  cooldownSeconds: QUIZ_COOLDOWN_SECONDS,
  execute: userFacing(async (ctx, interaction) => {
    switch (interaction.options.getSubcommand()) {
      case 'start':
        return startPrivateQuiz(ctx, interaction, {
          section: interaction.options.getString('section'),
          difficulty: difficultyOption(interaction),
        });
      case 'channel':
        return startRound(ctx, interaction);
      default:
        return listReports(ctx, interaction);
    }
  }),
  autocomplete: (ctx, interaction) => interaction.respond(matchSections(ctx.content, interaction.options.getFocused())),
  components: [
    route(answerId, async (ctx, interaction, { session, owner, n, choice }) => {
      assertOwner(interaction, owner, NOT_YOURS);
      const verdict = await ctx.quiz.answer(guildOf(interaction), owner, session, n, choice);
      return button(interaction).update(verdictView(ctx.content, verdict, owner));
    }),
    route(nextId, async (ctx, interaction, { session, owner }) => {
      assertOwner(interaction, owner, NOT_YOURS);
      const next = await ctx.quiz.next(guildOf(interaction), owner, session);
      const view = next.kind === 'asked' ? questionView(ctx.content, next.asked, owner) : sessionEndView(next.totals, 'finished');
      return button(interaction).update(view);
    }),
    route(stopId, async (ctx, interaction, { session, owner }) => {
      assertOwner(interaction, owner, NOT_YOURS);
      const totals = await ctx.quiz.stop(guildOf(interaction), owner, session);
      return button(interaction).update(sessionEndView(totals, 'stopped'));
    }),
    route(roundAnswerId, async (ctx, interaction, { round, n, choice }) => {
      const result = await ctx.rounds.answer(guildOf(interaction), interaction.channelId ?? '', round, n, interaction.user.id, choice);
      const text =
        result.status === 'locked'
          ? `Answer locked in: **${letter(choice)}**. The right answer shows when the timer ends.`
          : `You already answered **${letter(result.choice)}**; your first answer is the one that counts.`;
      return interaction.reply(ephemeral(text));
    }),
    route(reportId, async (ctx, interaction, { q }) => button(interaction).showModal(reportModal(ctx.content.questions.get(q), q))),
    route(reportFormId, async (ctx, interaction, { q }) => {
      if (!interaction.isModalSubmit()) throw new UserFacingError(EXPIRED);
      const reason = interaction.fields.getTextInputValue(REPORT_REASON).trim();
      if (reason.length === 0) throw new UserFacingError('Please say what is wrong with the question.');
      const report = await ctx.quiz.report(guildOf(interaction), interaction.user.id, q, reason);
      return interaction.reply(ephemeral(`Thanks: report #${report.id} is with the moderators. They see it in \`/quiz reports\`.`));
    }),
    route(closeReportsId, async (ctx, interaction) => {
      assertManager(interaction);
      const select = menu(interaction);
      const guild = guildOf(interaction);
      await ctx.quiz.closeReports(guild, select.values.map(Number));
      return select.update(reportsView(ctx.content, await ctx.quiz.openReports(guild)));
    }),
  ],
});
