import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { type ComponentInteraction, defineCommand, on } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { assertOwner, guildOf, userFacing } from '../src/discord/quizGuards.js';
import { keepId, resetId } from '../src/discord/quizIds.js';
import { ephemeral } from '../src/discord/reply.js';
import { EXPIRED } from '../src/discord/router.js';
import { progressView, resetConfirmView, resetResultView } from '../src/discord/views/progress.js';
import { isTimeZone } from '../src/quiz/calendar.js';

const data = new SlashCommandBuilder()
  .setName('progress')
  .setDescription('Quiz progress: answers, accuracy, points, streak and mastery per section')
  .addSubcommand((sub) =>
    sub
      .setName('show')
      .setDescription('Answers, accuracy, points, streak, mastery per section and questions due for review')
      .addUserOption((option) => option.setName('member').setDescription('Whose progress (default: yours)')),
  )
  .addSubcommand((sub) => sub.setName('reset').setDescription('Delete your own quiz progress in this server (asks to confirm)'))
  .addSubcommand((sub) =>
    sub
      .setName('timezone')
      .setDescription('The time zone your streak days are counted in')
      .addStringOption((option) =>
        option
          .setName('zone')
          .setDescription('A time zone such as Europe/Berlin or America/New_York')
          .setRequired(true)
          .setAutocomplete(true),
      ),
  );

const NOT_YOURS = 'Only the member who asked can answer this. Use `/progress reset` for your own progress.';
const zones = Intl.supportedValuesOf('timeZone');

function ownButton(interaction: ComponentInteraction, owner: string) {
  assertOwner(interaction, owner, NOT_YOURS);
  if (!interaction.isButton()) throw new UserFacingError(EXPIRED);
  return interaction;
}

export default defineCommand({
  data,
  execute: userFacing(async (ctx, interaction) => {
    const guild = guildOf(interaction);
    switch (interaction.options.getSubcommand()) {
      case 'show': {
        const member = interaction.options.getUser('member') ?? interaction.user;
        const summary = await ctx.quiz.summary(guild, member.id);
        return interaction.reply({ ...progressView(ctx.content, summary, member.id), flags: MessageFlags.Ephemeral });
      }
      case 'reset':
        return interaction.reply({ ...resetConfirmView(interaction.user.id), flags: MessageFlags.Ephemeral });
      default: {
        const zone = interaction.options.getString('zone', true).trim();
        if (!isTimeZone(zone))
          throw new UserFacingError(`"${zone}" is not a time zone I know. Pick one from the list, e.g. Europe/Berlin.`);
        await ctx.quiz.setTimeZone(guild, interaction.user.id, zone);
        const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(ctx.clock.now());
        return interaction.reply(ephemeral(`Your streak days now follow **${zone}** (it is ${time} there).`));
      }
    }
  }),
  autocomplete: async (_ctx, interaction) => {
    const typed = interaction.options.getFocused().trim().toLowerCase();
    const found = zones.filter((zone) => zone.toLowerCase().includes(typed)).slice(0, 25);
    return interaction.respond(found.map((zone) => ({ name: zone, value: zone })));
  },
  components: [
    on(
      resetId,
      userFacing(async (ctx, interaction, { owner }) => {
        const button = ownButton(interaction, owner);
        await ctx.quiz.reset(guildOf(interaction), owner);
        return button.update(resetResultView(true));
      }),
    ),
    on(keepId, async (_ctx, interaction, { owner }) => ownButton(interaction, owner).update(resetResultView(false))),
  ],
});
