import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import type { Section } from '../src/content/schema.js';
import { type ButtonClick, button, defineCommand, select } from '../src/discord/command.js';
import { Expired } from '../src/discord/errors.js';
import { sectionReply } from '../src/discord/sectionReplies.js';
import { contentsId, nextSectionId, openSectionId, previousSectionId, quizSectionId } from '../src/discord/studyIds.js';
import { contentsView, sectionChoices } from '../src/discord/views/summary.js';
import type { Services } from '../src/services.js';
import { startPrivateQuiz } from './quiz.js';

/** A section by id, or the best match for what was typed when autocomplete was skipped. */
const sectionFor = (ctx: Services, typed: string): Section | undefined =>
  ctx.content.sections.get(typed) ?? ctx.content.rankSections(typed)[0];

/** A section a component names; one removed since the message was posted is expired. */
function sectionById(ctx: Services, id: string): Section {
  const section = ctx.content.sections.get(id);
  if (!section) throw new Expired(`no section ${id}`);
  return section;
}

function page(step: 'previous' | 'next') {
  return async (ctx: Services, interaction: ButtonClick, { section }: { section: string }) => {
    const around = ctx.content.neighbours(section);
    if (!around) throw new Expired(`no section ${section}`);
    return interaction.update(sectionReply(ctx.content, around[step]));
  };
}

export default defineCommand({
  data: {
    name: 'summary',
    description: 'Read the study bundle one section at a time, or see its contents',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'section',
        description: 'The section to open (leave empty for the contents)',
        autocomplete: true,
      },
    ],
  },
  run: async (ctx, interaction, args) => {
    const typed = args.section?.trim();
    if (!typed) return interaction.reply({ ...contentsView(ctx.content), flags: MessageFlags.Ephemeral });
    const section = sectionFor(ctx, typed);
    const view = section ? sectionReply(ctx.content, section) : contentsView(ctx.content, typed);
    return interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
  },
  autocomplete: (ctx, interaction) => interaction.respond(sectionChoices(ctx.content.rankSections(interaction.options.getFocused()))),
  // Each replaces the message it sits on: an ephemeral reading view belongs to one member.
  components: [
    button(previousSectionId, page('previous')),
    button(nextSectionId, page('next')),
    button(contentsId, async (ctx, interaction) => interaction.update(contentsView(ctx.content))),
    select(openSectionId, async (ctx, interaction) =>
      interaction.update(sectionReply(ctx.content, sectionById(ctx, interaction.values[0] ?? ''))),
    ),
    button(quizSectionId, async (ctx, interaction, { section }) =>
      startPrivateQuiz(ctx, interaction, { section: sectionById(ctx, section).id, difficulty: null }),
    ),
  ],
});
