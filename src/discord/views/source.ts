import { ActionRowBuilder, ButtonBuilder, StringSelectMenuBuilder } from '@discordjs/builders';
import { type APIApplicationCommandOptionChoice, type APIEmbed, ButtonStyle } from 'discord.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { Source } from '../../content/schema.js';
import { noMentions, truncate } from '../reply.js';
import { listSourcesId, openSourceId, sourceKindId } from '../studyIds.js';
import { verdictBadges } from './claim.js';
import { BRAND_COLOUR, fitLines, type MessageView } from './parts.js';
import { shownUserText } from './userText.js';

type Kind = Source['kind'];

/** Kinds in the order the browser lists them, with their plural names. */
export const kindNames: Record<Kind, string> = {
  paper: 'Papers',
  report: 'Reports',
  review: 'Reviews',
  blog: 'Blog posts',
  forum: 'Forum posts',
  news: 'News',
  video: 'Videos',
};

const stanceNames: Record<Source['stance'], string> = {
  reports: 'Reports the study',
  critiques: 'Critiques the study',
  extends: 'Extends the study',
  context: 'Background and context',
};

const UNDATED = 'date not verified';
const year = (source: Source) => source.date?.slice(0, 4) ?? 'undated';
const plain = (text: string) => text.replace(/[[\]]/g, '');
const link = (source: Source) => `[${truncate(plain(source.title), 120)}](${source.url})`;

/** Autocomplete choices for a source option: title, kind and year shown, id sent. */
export const sourceChoices = (sources: readonly Source[]): APIApplicationCommandOptionChoice<string>[] =>
  sources.map((source) => ({ name: `${truncate(source.title, 100 - 16)} (${source.kind}, ${year(source)})`, value: source.id }));

function byline(source: Source): string {
  const authors = source.authors ?? [];
  const shown = authors.length > 6 ? `${authors.slice(0, 6).join(', ')} and ${authors.length - 6} more` : authors.join(', ');
  return truncate([shown, source.publisher].filter(Boolean).join(' · '), limits.embedField);
}

const kinds = (content: Content) =>
  (Object.keys(kindNames) as Kind[]).filter((kind) => content.bundle.sources.some((s) => s.kind === kind));

const backRow = (kind: Kind) =>
  new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(listSourcesId.encode({ kind }))
      .setLabel(`◀ All ${kindNames[kind].toLowerCase()}`)
      .setStyle(ButtonStyle.Secondary),
  );

/** One source: linked title, who, when, what kind, its stance and role, and what in the bundle cites it. */
export function sourceView(content: Content, source: Source): MessageView {
  const { sections, claims } = content.citing(source.id);
  const sectionLines = sections.map((section) => `${section.order}. ${section.title} · \`/summary section:${section.id}\``);
  const claimLines = claims.map((claim) => `${verdictBadges[claim.verdict]} ${truncate(claim.claim, 150)}`);
  const embed: APIEmbed = {
    title: truncate(source.title, limits.embedTitle),
    url: source.url,
    color: BRAND_COLOUR,
    description: truncate(source.note, limits.embedDescription),
    fields: [
      { name: 'By', value: byline(source) || '–' },
      { name: 'Date', value: source.date ?? UNDATED, inline: true },
      { name: 'Kind', value: source.kind, inline: true },
      { name: 'Stance', value: stanceNames[source.stance], inline: true },
      { name: `Cited in sections (${sections.length})`, value: fitLines(sectionLines, limits.embedField) || '–' },
      { name: `Cited by claim cards (${claims.length})`, value: fitLines(claimLines, limits.embedField) || '–' },
    ],
    footer: { text: `id: ${source.id}` },
  };
  return { embeds: [embed], components: [backRow(source.kind)], allowedMentions: noMentions };
}

const sourceMenu = (sources: readonly Source[], placeholder: string) =>
  new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
    new StringSelectMenuBuilder()
      .setCustomId(openSourceId.encode({}))
      .setPlaceholder(placeholder)
      .addOptions(
        sources.slice(0, limits.choices).map((source) => ({
          label: truncate(source.title, limits.selectOption),
          description: truncate(`${source.kind} · ${source.date ?? 'undated'} · ${stanceNames[source.stance]}`, limits.selectOption),
          value: source.id,
        })),
      ),
  );

/** The sources of one kind, a menu to switch kind and a menu to open one of them. */
export function sourceListView(content: Content, kind: Kind): MessageView {
  const all = content.bundle.sources;
  const ofKind = all.filter((source) => source.kind === kind);
  const kindMenu = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
    new StringSelectMenuBuilder()
      .setCustomId(sourceKindId.encode({}))
      .setPlaceholder('Browse another kind')
      .addOptions(
        kinds(content).map((each) => ({
          label: `${kindNames[each]} (${all.filter((source) => source.kind === each).length})`,
          value: each,
          default: each === kind,
        })),
      ),
  );
  const lines = ofKind.map((source) => `• ${link(source)} · ${source.date ?? 'undated'} · ${stanceNames[source.stance]}`);
  const shown = ofKind.length > limits.choices ? ` · the menu lists the first ${limits.choices}; use /source query: for the rest` : '';
  const embed: APIEmbed = {
    title: `Sources: ${kindNames[kind].toLowerCase()} (${ofKind.length} of ${all.length})`,
    color: BRAND_COLOUR,
    description: fitLines(lines, limits.embedDescription) || 'No sources of this kind.',
    footer: { text: `Pick a source to see who wrote it and what cites it${shown}` },
  };
  const components = ofKind.length > 0 ? [kindMenu, sourceMenu(ofKind, 'Open a source')] : [kindMenu];
  return { embeds: [embed], components, allowedMentions: noMentions };
}

/** The browser's first page: the first kind that has sources. */
export function sourceBrowserView(content: Content): MessageView {
  return sourceListView(content, kinds(content)[0] ?? 'paper');
}

/** No source matched: say so, list the nearest ones and offer to open them. */
export function sourceNotFoundView(query: string, nearest: readonly Source[]): MessageView {
  const lines = nearest.map((source) => `• ${link(source)} (${source.kind}, ${year(source)})`);
  const embed: APIEmbed = {
    title: 'No source matches that',
    color: BRAND_COLOUR,
    description: truncate(
      `Nothing in the bundle matches “${shownUserText(query, 200)}”.\n\n${
        lines.length > 0 ? `Nearest sources:\n${lines.join('\n')}` : 'Run `/source` without a query to browse every source by kind.'
      }`,
      limits.embedDescription,
    ),
  };
  const components = nearest.length > 0 ? [sourceMenu(nearest, 'Open one of these')] : [];
  return { embeds: [embed], components, allowedMentions: noMentions };
}
