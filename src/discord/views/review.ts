import { ActionRowBuilder, ButtonBuilder } from '@discordjs/builders';
import { type APIEmbed, ButtonStyle } from 'discord.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { ReviewOutcome, ReviewSummary } from '../../quiz/review.js';
import type { ReviewAsked, ReviewVerdict } from '../../quiz/reviewService.js';
import { noMentions, truncate } from '../reply.js';
import { reviewAnswerId, reviewNextId, reviewStartId, reviewStopId } from '../reviewIds.js';
import {
  answerButtons,
  BRAND_COLOUR,
  choiceText,
  difficultyNames,
  explanationFields,
  fitLines,
  type MessageView,
  RIGHT_COLOUR,
  sectionTitle,
  unix,
  WRONG_COLOUR,
} from './parts.js';

const boxName = (box: number) => (box === 0 ? 'learned (out of review)' : `box ${box}`);

export function reviewQuestionView(
  content: Content,
  guild: string,
  { question, n, session, again, left }: ReviewAsked,
  owner: string,
): MessageView {
  const id = (choice: number) => reviewAnswerId.encode({ guild, session: session.id, owner, n, choice });
  const choices = question.choices.map((_, choice) => choiceText(question, choice)).join('\n');
  const label = again ? 'Again: you missed this one earlier in this round' : 'Review: you missed this one before';
  const embed: APIEmbed = {
    title: `Review ${n} · ${left} left`,
    color: BRAND_COLOUR,
    description: truncate(`${question.question}\n\n${choices}`, limits.embedDescription),
    footer: { text: truncate(`${sectionTitle(content, question.section)} · ${difficultyNames[question.difficulty]} · ${label}`, 2048) },
  };
  const stop = new ButtonBuilder()
    .setCustomId(reviewStopId.encode({ guild, session: session.id, owner }))
    .setLabel('Stop')
    .setStyle(ButtonStyle.Secondary);
  return {
    embeds: [embed],
    components: [answerButtons(question, id), new ActionRowBuilder<ButtonBuilder>().addComponents(stop)],
    allowedMentions: noMentions,
  };
}

export function reviewVerdictView(content: Content, guild: string, verdict: ReviewVerdict, owner: string): MessageView {
  const { graded, n, session, counted, willReturn } = verdict;
  const { question, choice, correct } = graded;
  const note = !counted
    ? 'Practice re-ask: it does not change your points or boxes.'
    : correct
      ? 'Moved up a box: it comes back later.'
      : 'Back to box 1.';
  const embed: APIEmbed = {
    title: correct ? '✅ Right' : '❌ Not quite',
    color: correct ? RIGHT_COLOUR : WRONG_COLOUR,
    description: truncate(
      `**Review ${n}.** ${question.question}\n\n${note}${willReturn ? ' It comes back later in this round until you get it.' : ''}`,
      limits.embedDescription,
    ),
    fields: [
      { name: 'Your answer', value: truncate(choiceText(question, choice), limits.embedField) },
      ...explanationFields(content, question),
    ],
  };
  const last = session.queue.length === 1 && !willReturn;
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(reviewNextId.encode({ guild, session: session.id, owner }))
      .setLabel(last ? 'Finish' : 'Next')
      .setStyle(ButtonStyle.Primary),
    new ButtonBuilder()
      .setCustomId(reviewStopId.encode({ guild, session: session.id, owner }))
      .setLabel('Stop')
      .setStyle(ButtonStyle.Secondary),
  );
  return { embeds: [embed], components: [row], allowedMentions: noMentions };
}

const outcomeLine = (content: Content, o: ReviewOutcome, detail: string) =>
  `• ${truncate(content.questions.get(o.question)?.question ?? o.question, 120)} (${detail})`;

export function reviewSummaryView(content: Content, summary: ReviewSummary, why: 'finished' | 'stopped'): MessageView {
  const total = summary.outcomes.length;
  const moved = summary.movedUp.map((o) => outcomeLine(content, o, `${boxName(o.boxBefore)} → ${boxName(o.boxAfter)}`));
  const conquered = summary.conquered.map((o) => outcomeLine(content, o, `right after ${o.tries} tries; back in box ${o.boxAfter}`));
  const open = summary.outcomes.filter((o) => !o.conquered).map((o) => outcomeLine(content, o, 'not yet answered right'));
  const section = (title: string, lines: string[]) => (lines.length === 0 ? '' : `\n\n**${title}**\n${fitLines(lines, 1100)}`);
  const description =
    (total === 0 ? 'You stopped before answering anything.' : `Right at the first try: **${summary.firstTryRight}** of ${total}.`) +
    section('Moved up a box', moved) +
    section('Conquered in this round', conquered) +
    section('Still to learn', open) +
    '\n\n`/progress show` has your totals; `/quiz review` starts another round when more come due.';
  return {
    embeds: [
      {
        title: why === 'finished' ? 'Review round done' : 'Review round stopped',
        color: BRAND_COLOUR,
        description: truncate(description, limits.embedDescription),
      },
    ],
    components: [],
    allowedMentions: noMentions,
  };
}

export function nothingDueView(nextDue: Date | undefined): MessageView {
  const description =
    nextDue === undefined
      ? 'Nothing to review: you have no missed questions waiting. Questions you miss in `/quiz start` come back here.'
      : `Nothing is due for review yet. Your next review comes due <t:${unix(nextDue)}:R>.`;
  return { embeds: [{ title: 'No reviews due', color: BRAND_COLOUR, description }], components: [], allowedMentions: noMentions };
}

/** The reminder DM: how many are due, where, and a button that starts the round right there. */
export function reminderView(guildName: string, guild: string, owner: string, due: number): MessageView {
  const start = new ButtonBuilder()
    .setCustomId(reviewStartId.encode({ guild, owner }))
    .setLabel('Start review')
    .setStyle(ButtonStyle.Primary);
  return {
    embeds: [
      {
        title: `${due} review${due === 1 ? '' : 's'} due`,
        color: BRAND_COLOUR,
        description: truncate(
          `Questions you missed in **${guildName}** are due for review. A short round now moves them up a box.\n\n` +
            'Change or stop these reminders with `/progress reminders` in that server.',
          limits.embedDescription,
        ),
      },
    ],
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(start)],
    allowedMentions: noMentions,
  };
}
