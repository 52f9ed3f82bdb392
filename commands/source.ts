import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Source } from '../src/content/schema.js';
import { type ComponentInteraction, defineCommand, on } from '../src/discord/command.js';
import { ephemeral } from '../src/discord/reply.js';
import { EXPIRED } from '../src/discord/router.js';
import { listSourcesId, openSourceId, sourceKindId } from '../src/discord/studyIds.js';
import type { MessageView } from '../src/discord/views/quiz.js';
import {
  kindNames,
  sourceBrowserView,
  sourceChoices,
  sourceListView,
  sourceNotFoundView,
  sourceView,
} from '../src/discord/views/source.js';

const data = new SlashCommandBuilder()
  .setName('source')
  .setDescription('Look up a source: who wrote it, its stance, and what in the bundle cites it')
  .addStringOption((option) =>
    option.setName('query').setDescription('Title, author, publisher or arXiv id (leave empty to browse)').setAutocomplete(true),
  );

const isKind = (value: string): value is Source['kind'] => Object.hasOwn(kindNames, value);

/** Replaces the message the menu or button sits on: browsing happens in one ephemeral message. */
const show = (interaction: ComponentInteraction, view: MessageView) =>
  interaction.isModalSubmit() ? interaction.reply(ephemeral(EXPIRED)) : interaction.update(view);

const picked = (interaction: ComponentInteraction) => (interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : '');

export default defineCommand({
  data,
  execute: async (ctx, interaction) => {
    const query = interaction.options.getString('query')?.trim();
    if (!query) return interaction.reply({ ...sourceBrowserView(ctx.content), flags: MessageFlags.Ephemeral });
    const found = ctx.content.findSource(query);
    const view = found.source ? sourceView(ctx.content, found.source) : sourceNotFoundView(query, found.nearest);
    return interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
  },
  autocomplete: (ctx, interaction) => interaction.respond(sourceChoices(ctx.content.rankSources(interaction.options.getFocused()))),
  components: [
    on(sourceKindId, async (ctx, interaction) => {
      const kind = picked(interaction);
      return isKind(kind) ? show(interaction, sourceListView(ctx.content, kind)) : interaction.reply(ephemeral(EXPIRED));
    }),
    on(listSourcesId, async (ctx, interaction, { kind }) =>
      isKind(kind) ? show(interaction, sourceListView(ctx.content, kind)) : interaction.reply(ephemeral(EXPIRED)),
    ),
    on(openSourceId, async (ctx, interaction) => {
      const source = ctx.content.sources.get(picked(interaction));
      return source ? show(interaction, sourceView(ctx.content, source)) : interaction.reply(ephemeral(EXPIRED));
    }),
  ],
});
