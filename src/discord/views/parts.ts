import { ActionRowBuilder, ButtonBuilder } from '@discordjs/builders';
import { type APIEmbedField, type BaseMessageOptions, ButtonStyle } from 'discord.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { Question } from '../../content/schema.js';
import { reportId } from '../quizIds.js';
import { truncate } from '../reply.js';

/**
 * The pieces several views are built from: the message shape, the colours, line fitting, timestamps, source
 * links, and the parts of a question (its choices, answer buttons, explanation and report button) that private
 * quizzes, channel rounds and reviews all show.
 * Every view builds its buttons, rows, menus and modals with @discordjs/builders itself rather than discord.js's
 * subclasses of them, which pass each new builder's data through a camelCase → snake_case walk (lodash's snakeCase on
 * every key): a third of the CPU of building a quiz's question and verdict.
 */

export const BRAND_COLOUR = 0x5865f2;

/** A message body that fits a reply, an update, a channel post and an edit alike. */
export type MessageView = Required<Pick<BaseMessageOptions, 'embeds' | 'components' | 'allowedMentions'>> & { content?: string };

export const RIGHT_COLOUR = 0x57f287;
export const WRONG_COLOUR = 0xed4245;
export const difficultyNames = { 1: 'Easy', 2: 'Medium', 3: 'Hard' } as const;

export const letter = (choice: number) => String.fromCharCode(65 + choice);
export const choiceText = (question: Question, choice: number) => `**${letter(choice)}.** ${question.choices[choice] ?? '?'}`;
export const unix = (at: Date | string) => Math.floor(new Date(at).getTime() / 1000);

/** Lines joined until the next one would pass `max`, so a link or mention is never cut in half. */
export function fitLines(lines: readonly string[], max: number, more: (left: number) => string = (left) => `…and ${left} more`): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const reserve = index < lines.length - 1 ? more(lines.length).length + 1 : 0;
    if (length + line.length + reserve > max) {
      kept.push(more(lines.length - index));
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

export function sourceLinks(content: Content, ids: readonly string[]): string {
  const lines = ids.map((id) => {
    const source = content.sources.get(id);
    return source ? `[${truncate(source.title.replace(/[[\]]/g, ''), 120)}](${source.url})` : id;
  });
  return fitLines(lines, limits.embedField) || '–';
}

export const sectionTitle = (content: Content, id: string) => content.sections.get(id)?.title ?? id;

export const answerButtons = (question: Question, idFor: (choice: number) => string) =>
  new ActionRowBuilder<ButtonBuilder>().addComponents(
    question.choices.map((text, choice) =>
      new ButtonBuilder()
        .setCustomId(idFor(choice))
        .setLabel(truncate(`${letter(choice)}. ${text}`, limits.buttonLabel))
        .setStyle(ButtonStyle.Secondary),
    ),
  );

export const reportButton = (question: string) =>
  new ButtonBuilder()
    .setCustomId(reportId.encode({ q: question }))
    .setLabel('Report a problem with this question')
    .setStyle(ButtonStyle.Secondary);

/** The explanation part every revealed question shows: the right answer, why, and where it comes from. */
export function explanationFields(content: Content, question: Question): APIEmbedField[] {
  return [
    { name: 'Correct answer', value: truncate(choiceText(question, question.answer), limits.embedField) },
    { name: 'Why', value: truncate(question.explanation, limits.embedField) },
    { name: 'Sources', value: sourceLinks(content, question.sources) },
  ];
}
