import {
  ActionRowBuilder,
  type APIEmbed,
  type APIEmbedField,
  type BaseMessageOptions,
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { Question } from '../../content/schema.js';
import type { Report } from '../../quiz/records.js';
import type { Asked, SessionTotals, Verdict } from '../../quiz/service.js';
import { answerId, closeReportsId, nextId, REPORT_REASON, reportFormId, reportId, stopId } from '../quizIds.js';
import { noMentions, truncate } from '../reply.js';
import { BRAND_COLOUR } from './help.js';

/** A message body that fits a reply, an update, a channel post and an edit alike. */
export type MessageView = Required<Pick<BaseMessageOptions, 'embeds' | 'components' | 'allowedMentions'>> & { content?: string };

export const RIGHT_COLOUR = 0x57f287;
export const WRONG_COLOUR = 0xed4245;
export const difficultyNames = { 1: 'Easy', 2: 'Medium', 3: 'Hard' } as const;
const reasonNames = { review: 'Review: you missed this one before', new: 'New question', again: 'Seen before' } as const;

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

function questionEmbed(content: Content, question: Question, title: string, footer: string): APIEmbed {
  const choices = question.choices.map((_, choice) => choiceText(question, choice)).join('\n');
  return {
    title: truncate(title, limits.embedTitle),
    color: BRAND_COLOUR,
    description: truncate(`${question.question}\n\n${choices}`, limits.embedDescription),
    footer: { text: truncate(`${sectionTitle(content, question.section)} · ${difficultyNames[question.difficulty]} · ${footer}`, 2048) },
  };
}

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

export function questionView(content: Content, { question, n, session, reason }: Asked, owner: string): MessageView {
  const id = (choice: number) => answerId.encode({ session: session.id, owner, n, choice });
  return {
    embeds: [questionEmbed(content, question, `Question ${n}`, reasonNames[reason])],
    components: [answerButtons(question, id)],
    allowedMentions: noMentions,
  };
}

export function verdictView(content: Content, { graded, n, session, streak }: Verdict, owner: string): MessageView {
  const { question, choice, correct, points } = graded;
  const embed: APIEmbed = {
    title: correct ? `✅ Right (+${points} points)` : '❌ Not quite',
    color: correct ? RIGHT_COLOUR : WRONG_COLOUR,
    description: truncate(`**Question ${n}.** ${question.question}`, limits.embedDescription),
    fields: [
      { name: 'Your answer', value: truncate(choiceText(question, choice), limits.embedField) },
      ...explanationFields(content, question),
    ],
    footer: {
      text: `${session.right}/${n} right this session · ${session.points} points · streak ${streak} day${streak === 1 ? '' : 's'}`,
    },
  };
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(nextId.encode({ session: session.id, owner }))
      .setLabel('Next question')
      .setStyle(ButtonStyle.Primary),
    new ButtonBuilder()
      .setCustomId(stopId.encode({ session: session.id, owner }))
      .setLabel('Stop')
      .setStyle(ButtonStyle.Secondary),
    reportButton(question.id),
  );
  return { embeds: [embed], components: [row], allowedMentions: noMentions };
}

export function sessionEndView(totals: SessionTotals, why: 'stopped' | 'finished'): MessageView {
  const title = why === 'stopped' ? 'Quiz stopped' : 'You have seen every question in this selection';
  const description =
    `You got **${totals.right}** of ${totals.asked} right this session (+${totals.points} points).\n` +
    '`/progress show` has your totals, mastery per section and what is due for review; `/quiz start` begins a new quiz.';
  return { embeds: [{ title, color: BRAND_COLOUR, description }], components: [], allowedMentions: noMentions };
}

export function reportModal(question: Question | undefined, id: string): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId(REPORT_REASON)
    .setStyle(TextInputStyle.Paragraph)
    .setMinLength(5)
    .setMaxLength(1000)
    .setRequired(true)
    .setPlaceholder('e.g. the marked answer contradicts the cited source');
  const label = new LabelBuilder()
    .setLabel('What is wrong with this question?')
    .setDescription(truncate(question?.question ?? id, 100))
    .setTextInputComponent(input);
  return new ModalBuilder()
    .setCustomId(reportFormId.encode({ q: id }))
    .setTitle('Report a problem with this question')
    .addLabelComponents(label);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Open reports for moderators, newest last, with a menu to close the ones dealt with. */
export function reportsView(content: Content, reports: readonly Report[]): MessageView {
  if (reports.length === 0) {
    return {
      embeds: [{ title: 'Open question reports', color: BRAND_COLOUR, description: 'No open reports.' }],
      components: [],
      allowedMentions: noMentions,
    };
  }
  const lines = reports.map((report) => {
    const gone = content.questions.has(report.question) ? '' : ' (no longer in the bundle)';
    return `**#${report.id}** · \`${report.question}\`${gone} · <@${report.user}> · <t:${unix(report.at)}:R> · v${report.version}\n> ${truncate(oneLine(report.reason), 300)}`;
  });
  const menu = new StringSelectMenuBuilder()
    .setCustomId(closeReportsId.encode({}))
    .setPlaceholder('Close reports that are dealt with')
    .setMinValues(1)
    .setMaxValues(Math.min(25, reports.length))
    .addOptions(
      reports.slice(0, 25).map((report) => ({
        label: truncate(`#${report.id} ${report.question}`, limits.selectOption),
        description: truncate(oneLine(report.reason), limits.selectOption),
        value: String(report.id),
      })),
    );
  return {
    embeds: [
      {
        title: `Open question reports (${reports.length})`,
        color: BRAND_COLOUR,
        description: fitLines(lines, limits.embedDescription, (left) => `…and ${left} more (close some to see them)`),
      },
    ],
    components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
    allowedMentions: noMentions,
  };
}
