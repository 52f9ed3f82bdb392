import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import { button, defineCommand } from '../src/discord/command.js';
import { Refusal } from '../src/discord/errors.js';
import { assertOwner } from '../src/discord/owner.js';
import { keepId, resetId } from '../src/discord/quizIds.js';
import { ephemeral } from '../src/discord/reply.js';
import { progressView, resetConfirmView, resetResultView } from '../src/discord/views/progress.js';
import { isTimeZone } from '../src/quiz/calendar.js';

const NOT_YOURS = 'Only the member who asked can answer this. Use `/progress reset` for your own progress.';
const zones = Intl.supportedValuesOf('timeZone');

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
    ],
  },
  subcommands: {
    show: {
      run: async (ctx, interaction, args) => {
        const member = args.member ?? interaction.user;
        const summary = await ctx.quiz.summary(interaction.guildId, member.id);
        return interaction.reply({ ...progressView(ctx.content, summary, member.id), flags: MessageFlags.Ephemeral });
      },
    },
    reset: { run: (_ctx, interaction) => interaction.reply({ ...resetConfirmView(interaction.user.id), flags: MessageFlags.Ephemeral }) },
    timezone: {
      run: async (ctx, interaction, args) => {
        const zone = args.zone.trim();
        if (!isTimeZone(zone)) throw new Refusal(`"${zone}" is not a time zone I know. Pick one from the list, e.g. Europe/Berlin.`);
        await ctx.quiz.setTimeZone(interaction.guildId, interaction.user.id, zone);
        const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(ctx.clock.now());
        return interaction.reply(ephemeral(`Your streak days now follow **${zone}** (it is ${time} there).`));
      },
    },
  },
  autocomplete: async (_ctx, interaction) => {
    const typed = interaction.options.getFocused().trim().toLowerCase();
    const found = zones.filter((zone) => zone.toLowerCase().includes(typed)).slice(0, 25);
    return interaction.respond(found.map((zone) => ({ name: zone, value: zone })));
  },
  components: [
    button(resetId, async (ctx, interaction, { owner }) => {
      assertOwner(interaction, owner, NOT_YOURS);
      await ctx.quiz.reset(interaction.guildId, owner);
      await ctx.stances.reset(interaction.guildId, owner);
      return interaction.update(resetResultView(true));
    }),
    button(keepId, async (_ctx, interaction, { owner }) => {
      assertOwner(interaction, owner, NOT_YOURS);
      return interaction.update(resetResultView(false));
    }),
  ],
});
