import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import type { Source } from '../src/content/schema.js';
import { button, defineCommand, select } from '../src/discord/command.js';
import { Expired } from '../src/discord/errors.js';
import { listSourcesId, openSourceId, sourceKindId } from '../src/discord/studyIds.js';
import {
  kindNames,
  sourceBrowserView,
  sourceChoices,
  sourceListView,
  sourceNotFoundView,
  sourceView,
} from '../src/discord/views/source.js';
import type { Services } from '../src/services.js';

const isKind = (value: string): value is Source['kind'] => Object.hasOwn(kindNames, value);

/** A kind or source a component names; one gone since the message was posted is expired. */
function kindOf(value: string): Source['kind'] {
  if (!isKind(value)) throw new Expired(`no source kind ${value}`);
  return value;
}

function sourceOf(ctx: Services, id: string): Source {
  const source = ctx.content.sources.get(id);
  if (!source) throw new Expired(`no source ${id}`);
  return source;
}

export default defineCommand({
  data: {
    name: 'source',
    description: 'Look up a source: who wrote it, its stance, and what in the bundle cites it',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        description: 'Title, author, publisher or arXiv id (leave empty to browse)',
        autocomplete: true,
      },
    ],
  },
  run: async (ctx, interaction, args) => {
    const query = args.query?.trim();
    if (!query) return interaction.reply({ ...sourceBrowserView(ctx.content), flags: MessageFlags.Ephemeral });
    const found = ctx.content.findSource(query);
    const view = found.source ? sourceView(ctx.content, found.source) : sourceNotFoundView(query, found.nearest);
    return interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
  },
  autocomplete: (ctx, interaction) => interaction.respond(sourceChoices(ctx.content.rankSources(interaction.options.getFocused()))),
  // Each replaces the message it sits on: browsing happens in one ephemeral message.
  components: [
    select(sourceKindId, async (ctx, interaction) => interaction.update(sourceListView(ctx.content, kindOf(interaction.values[0] ?? '')))),
    button(listSourcesId, async (ctx, interaction, { kind }) => interaction.update(sourceListView(ctx.content, kindOf(kind)))),
    select(openSourceId, async (ctx, interaction) =>
      interaction.update(sourceView(ctx.content, sourceOf(ctx, interaction.values[0] ?? ''))),
    ),
  ],
});
