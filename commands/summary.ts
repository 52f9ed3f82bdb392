import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Section } from '../src/content/schema.js';
import { type ComponentInteraction, defineCommand, on } from '../src/discord/command.js';
import { ephemeral } from '../src/discord/reply.js';
import { EXPIRED } from '../src/discord/router.js';
import { contentsId, nextSectionId, openSectionId, previousSectionId, quizSectionId } from '../src/discord/studyIds.js';
import { contentsView, sectionChoices, sectionView } from '../src/discord/views/summary.js';
import type { Services } from '../src/services.js';
import { startPrivateQuiz } from './quiz.js';

const data = new SlashCommandBuilder()
  .setName('summary')
  .setDescription('Read the study bundle one section at a time, or see its contents')
  .addStringOption((option) =>
    option.setName('section').setDescription('The section to open (leave empty for the contents)').setAutocomplete(true),
  );

/** A section by id, or the best match for what was typed when autocomplete was skipped. */
const sectionFor = (ctx: Services, typed: string): Section | undefined =>
  ctx.content.sections.get(typed) ?? ctx.content.rankSections(typed)[0];

/** Replaces the message the button or menu sits on (an ephemeral reading view belongs to one member). */
const show = (interaction: ComponentInteraction, view: ReturnType<typeof sectionView>) =>
  interaction.isModalSubmit() ? interaction.reply(ephemeral(EXPIRED)) : interaction.update(view);

function page(step: 'previous' | 'next') {
  return async (ctx: Services, interaction: ComponentInteraction, { section }: { section: string }) => {
    const around = ctx.content.neighbours(section);
    if (!around) return interaction.reply(ephemeral(EXPIRED));
    return show(interaction, sectionView(ctx.content, around[step]));
  };
}

export default defineCommand({
  data,
  execute: async (ctx, interaction) => {
    const typed = interaction.options.getString('section')?.trim();
    if (!typed) return interaction.reply({ ...contentsView(ctx.content), flags: MessageFlags.Ephemeral });
    const section = sectionFor(ctx, typed);
    const view = section ? sectionView(ctx.content, section) : contentsView(ctx.content, typed);
    return interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
  },
  autocomplete: (ctx, interaction) => interaction.respond(sectionChoices(ctx.content.rankSections(interaction.options.getFocused()))),
  components: [
    on(previousSectionId, page('previous')),
    on(nextSectionId, page('next')),
    on(contentsId, async (ctx, interaction) => show(interaction, contentsView(ctx.content))),
    on(openSectionId, async (ctx, interaction) => {
      const section = interaction.isStringSelectMenu() ? ctx.content.sections.get(interaction.values[0] ?? '') : undefined;
      return section ? show(interaction, sectionView(ctx.content, section)) : interaction.reply(ephemeral(EXPIRED));
    }),
    on(quizSectionId, async (ctx, interaction, { section }) => {
      if (!interaction.isButton() || !ctx.content.sections.has(section)) return interaction.reply(ephemeral(EXPIRED));
      return startPrivateQuiz(ctx, interaction, { section, difficulty: null });
    }),
  ],
});
