import {
  ActionRowBuilder,
  ButtonBuilder,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
} from '@discordjs/builders';
import { type APIEmbed, ButtonStyle, TextInputStyle } from 'discord.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { Question } from '../../content/schema.js';
import type { Report } from '../../quiz/records.js';
import type { Asked, SessionTotals, Verdict } from '../../quiz/service.js';
import { answerId, closeReportsId, nextId, REPORT_REASON, reportFormId, stopId } from '../quizIds.js';
import { noMentions, truncate } from '../reply.js';
import {
  answerButtons,
  BRAND_COLOUR,
  choiceText,
  difficultyNames,
  explanationFields,
  fitLines,
  type MessageView,
  RIGHT_COLOUR,
  reportButton,
  sectionTitle,
  unix,
  WRONG_COLOUR,
} from './parts.js';

const reasonNames = { review: 'Review: you missed this one before', new: 'New question', again: 'Seen before' } as const;

function questionEmbed(content: Content, question: Question, title: string, footer: string): APIEmbed {
  const choices = question.choices.map((_, choice) => choiceText(question, choice)).join('\n');
  return {
    title: truncate(title, limits.embedTitle),
    color: BRAND_COLOUR,
    description: truncate(`${question.question}\n\n${choices}`, limits.embedDescription),
    footer: { text: truncate(`${sectionTitle(content, question.section)} · ${difficultyNames[question.difficulty]} · ${footer}`, 2048) },
  };
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
