import { ActionRowBuilder, ButtonBuilder, StringSelectMenuBuilder } from '@discordjs/builders';
import { type APIApplicationCommandOptionChoice, type APIEmbed, ButtonStyle } from 'discord.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { Section } from '../../content/schema.js';
import { noMentions, truncate } from '../reply.js';
import { contentsId, nextSectionId, openSectionId, previousSectionId, quizSectionId } from '../studyIds.js';
import { BRAND_COLOUR, fitLines, type MessageView, sourceLinks } from './parts.js';
import { shownUserText } from './userText.js';

const label = (section: Section) => `${section.order}. ${section.title}`;

/** Autocomplete choices for a section option: name shown, id sent. */
export const sectionChoices = (sections: readonly Section[]): APIApplicationCommandOptionChoice<string>[] =>
  sections.map((section) => ({ name: truncate(label(section), 100), value: section.id }));

const bullets = (items: readonly string[]) =>
  fitLines(
    items.map((item) => `• ${item}`),
    limits.embedField,
  );

/** Characters an embed counts toward Discord's 6000 total. */
export const embedLength = (embed: APIEmbed) =>
  (embed.title?.length ?? 0) +
  (embed.description?.length ?? 0) +
  (embed.footer?.text.length ?? 0) +
  (embed.author?.name.length ?? 0) +
  (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);

/** One section: title, text, key points and sources as links, with paging, contents and a quiz button. */
export function sectionView(content: Content, section: Section): MessageView {
  const { sections } = content.bundle;
  const position = sections.findIndex((item) => item.id === section.id) + 1;
  const embed: APIEmbed = {
    title: truncate(label(section), limits.embedTitle),
    color: BRAND_COLOUR,
    description: truncate(section.body, limits.embedDescription),
    fields: [{ name: 'Key points', value: bullets(section.keyPoints) }],
    footer: { text: `Section ${position} of ${sections.length} · study bundle v${content.version}` },
  };
  const room = limits.embedTotal - embedLength(embed) - 'Sources'.length;
  embed.fields?.push({ name: 'Sources', value: truncate(sourceLinks(content, section.sources), Math.min(limits.embedField, room)) });
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(previousSectionId.encode({ section: section.id }))
      .setLabel('◀ Previous')
      .setStyle(ButtonStyle.Secondary),
    new ButtonBuilder()
      .setCustomId(nextSectionId.encode({ section: section.id }))
      .setLabel('Next ▶')
      .setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(contentsId.encode({})).setLabel('Contents').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder()
      .setCustomId(quizSectionId.encode({ section: section.id }))
      .setLabel('Quiz me on this')
      .setStyle(ButtonStyle.Primary),
  );
  return { embeds: [embed], components: [row], allowedMentions: noMentions };
}

/** The table of contents, with a menu that opens a section; `missing` is what was asked for and not found. */
export function contentsView(content: Content, missing?: string): MessageView {
  const { sections } = content.bundle;
  const lines = sections.map((section) => `**${label(section)}**\n${truncate(section.summary, 200)}`);
  const menu = new StringSelectMenuBuilder()
    .setCustomId(openSectionId.encode({}))
    .setPlaceholder('Open a section')
    .addOptions(
      sections.slice(0, limits.choices).map((section) => ({
        label: truncate(label(section), limits.selectOption),
        description: truncate(section.summary, limits.selectOption),
        value: section.id,
      })),
    );
  const embed: APIEmbed = {
    title: 'Study bundle: contents',
    color: BRAND_COLOUR,
    description: fitLines(
      missing === undefined ? lines : [`No section matches “${shownUserText(missing, 100)}”.`, ...lines],
      limits.embedDescription,
    ),
    footer: { text: `${sections.length} sections · study bundle v${content.version} · pick one below or use /summary section:` },
  };
  return {
    embeds: [embed],
    components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
    allowedMentions: noMentions,
  };
}
