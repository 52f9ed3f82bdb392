import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import type { SlashInteraction } from '../src/discord/command.js';
import { button, defineCommand } from '../src/discord/command.js';
import { Refusal } from '../src/discord/errors.js';
import { assertOwner } from '../src/discord/owner.js';
import { keepId, resetId } from '../src/discord/quizIds.js';
import { ephemeral } from '../src/discord/reply.js';
import { exportView } from '../src/discord/views/export.js';
import { progressView, resetConfirmView, resetResultView } from '../src/discord/views/progress.js';
import { remindersView } from '../src/discord/views/reminders.js';
import { zoneChoices, zoneFrom } from '../src/discord/zoneOption.js';
import { parseClockTime } from '../src/prompts/slots.js';
import { exportFiles } from '../src/quiz/export.js';
import { insightsOf } from '../src/quiz/insights.js';
import { emptyProgress, memberKey } from '../src/quiz/records.js';
import { THRESHOLD } from '../src/reminders/record.js';
import type { ReminderChange } from '../src/reminders/service.js';
import type { Services } from '../src/services.js';

const NOT_YOURS = 'Only the member who asked can answer this. Use `/progress reset` for your own progress.';
/** An export reads the whole record and uploads three files: not in a loop. */
const EXPORT_COOLDOWN_SECONDS = 30;

type ReminderArgs = {
  readonly on: boolean | null;
  readonly reviews: number | null;
  readonly time: string | null;
  readonly quiet: string | null;
};

function quietHours(text: string): { from: string; to: string } | null {
  if (/^(none|off|no)$/i.test(text.trim())) return null;
  const [from, to, ...rest] = text.split(/\s*[-–]\s*|\s+to\s+/i).map((part) => parseClockTime(part));
  if (!from || !to || rest.length > 0) throw new Refusal('Quiet hours look like `22:00-07:00` (from–to, in your time zone), or `none`.');
  return { from, to };
}

function reminderChange(args: ReminderArgs): ReminderChange {
  const time = args.time === null ? undefined : parseClockTime(args.time);
  if (time === undefined && args.time !== null) throw new Refusal(`"${args.time}" is not a time of day. Try \`18:00\` or \`6pm\`.`);
  return {
    ...(args.on === null ? {} : { enabled: args.on }),
    ...(args.reviews === null ? {} : { threshold: args.reviews }),
    ...(time === undefined ? {} : { time }),
    ...(args.quiet === null ? {} : { quiet: quietHours(args.quiet) }),
  };
}

async function changeReminders(ctx: Services, interaction: SlashInteraction, args: ReminderArgs) {
  const { guildId } = interaction;
  const user = interaction.user.id;
  const change = reminderChange(args);
  const state =
    Object.keys(change).length === 0 ? await ctx.reminders.state(guildId, user) : await ctx.reminders.change(guildId, user, change);
  const zone = state?.zone ?? (await ctx.quiz.progress.get(memberKey(guildId, user)))?.timeZone ?? 'UTC';
  return interaction.reply({ ...remindersView(state, zone), flags: MessageFlags.Ephemeral });
}

async function exportProgress(ctx: Services, interaction: SlashInteraction) {
  const { progress, answers } = await ctx.quiz.exported(interaction.guildId, interaction.user.id);
  if (!progress || answers.length === 0) throw new Refusal('Nothing to export yet: answer some questions with `/quiz start` first.');
  return interaction.reply({ ...exportView(exportFiles(ctx.content, progress, answers), answers.length), flags: MessageFlags.Ephemeral });
}

export default defineCommand({
  data: {
    name: 'progress',
    description: 'Quiz progress: answers, accuracy, points, streak and mastery per section',
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'show',
        description: 'Answers, accuracy, points, streak, mastery per section and questions due for review',
        options: [{ type: ApplicationCommandOptionType.User, name: 'member', description: 'Whose progress (default: yours)' }],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'reset',
        description: 'Delete your own quiz progress and stances in this server (asks to confirm)',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'timezone',
        description: 'The time zone your streak days are counted in',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'zone',
            description: 'A time zone such as Europe/Berlin or America/New_York',
            required: true,
            autocomplete: true,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'reminders',
        description: 'A DM when your reviews are due, at most once a day (no options: show your settings)',
        options: [
          { type: ApplicationCommandOptionType.Boolean, name: 'on', description: 'Turn review reminders on or off' },
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'reviews',
            description: `Remind me when at least this many reviews are due (default ${THRESHOLD.default})`,
            min_value: THRESHOLD.min,
            max_value: THRESHOLD.max,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'time',
            description: 'Time of day in your zone, e.g. 18:00 or 6pm',
            max_length: 8,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'quiet',
            description: 'Quiet hours with no reminder, e.g. 22:00-07:00, or "none"',
            max_length: 20,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'export',
        description: 'Your answers and misses as CSV files, and your missed questions for Anki',
      },
    ],
  },
  subcommands: {
    show: {
      run: async (ctx, interaction, args) => {
        const member = args.member ?? interaction.user;
        const summary = await ctx.quiz.summary(interaction.guildId, member.id);
        const progress = (await ctx.quiz.progress.get(memberKey(interaction.guildId, member.id))) ?? emptyProgress();
        const { bundle } = ctx.content;
        const insights = insightsOf(
          progress,
          bundle.sections.map((section) => section.id),
          bundle.questions,
          ctx.clock.now(),
        );
        return interaction.reply({ ...progressView(ctx.content, summary, member.id, insights), flags: MessageFlags.Ephemeral });
      },
    },
    reset: { run: (_ctx, interaction) => interaction.reply({ ...resetConfirmView(interaction.user.id), flags: MessageFlags.Ephemeral }) },
    timezone: {
      run: async (ctx, interaction, args) => {
        const zone = zoneFrom(args.zone);
        await ctx.quiz.setTimeZone(interaction.guildId, interaction.user.id, zone);
        await ctx.reminders.zoneChanged(interaction.guildId, interaction.user.id);
        const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(ctx.clock.now());
        return interaction.reply(ephemeral(`Your streak days now follow **${zone}** (it is ${time} there).`));
      },
    },
    reminders: { run: (ctx, interaction, args) => changeReminders(ctx, interaction, args) },
    export: { cooldown: EXPORT_COOLDOWN_SECONDS, run: exportProgress },
  },
  autocomplete: (_ctx, interaction) => interaction.respond(zoneChoices(interaction.options.getFocused())),
  components: [
    button(resetId, async (ctx, interaction, { owner }) => {
      assertOwner(interaction, owner, NOT_YOURS);
      await ctx.quiz.reset(interaction.guildId, owner);
      await ctx.reviews.sessions.delete(memberKey(interaction.guildId, owner));
      await ctx.reminders.forget(interaction.guildId, owner);
      await ctx.stances.reset(interaction.guildId, owner);
      return interaction.update(resetResultView(true));
    }),
    button(keepId, async (_ctx, interaction, { owner }) => {
      assertOwner(interaction, owner, NOT_YOURS);
      return interaction.update(resetResultView(false));
    }),
  ],
});
