import { ActionRowBuilder, type ButtonBuilder } from '@discordjs/builders';
import type { APIEmbed } from 'discord.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { RoundQuestion, RoundReveal, RoundSummary } from '../../quiz/rounds.js';
import { roundAnswerId } from '../quizIds.js';
import { noMentions, truncate } from '../reply.js';
import {
  answerButtons,
  BRAND_COLOUR,
  choiceText,
  difficultyNames,
  explanationFields,
  fitLines,
  type MessageView,
  reportButton,
  sectionTitle,
  unix,
} from './parts.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function roundStartedView(user: string, questions: number, seconds: number): MessageView {
  return {
    content: `<@${user}> started a quiz round: **${plural(questions, 'question')}**, ${seconds} seconds each. Everyone can answer; your first click counts.`,
    embeds: [],
    components: [],
    allowedMentions: noMentions,
  };
}

function roundEmbed(content: Content, { question, n, total }: RoundQuestion, body: string): APIEmbed {
  return {
    title: `Question ${n} of ${total}`,
    color: BRAND_COLOUR,
    description: truncate(`${question.question}\n\n${body}`, limits.embedDescription),
    footer: { text: truncate(`${sectionTitle(content, question.section)} · ${difficultyNames[question.difficulty]}`, 2048) },
  };
}

export function roundQuestionView(content: Content, round: RoundQuestion): MessageView {
  const { question, roundId, n, deadline } = round;
  const choices = question.choices.map((_, choice) => choiceText(question, choice)).join('\n');
  return {
    embeds: [roundEmbed(content, round, `${choices}\n\nCloses <t:${unix(deadline)}:R>. Your first answer counts.`)],
    components: [answerButtons(question, (choice) => roundAnswerId.encode({ round: roundId, n, choice }))],
    allowedMentions: noMentions,
  };
}

export function roundRevealView(content: Content, reveal: RoundReveal): MessageView {
  const { question, counts, right, answered } = reveal;
  const choices = question.choices
    .map(
      (_, choice) => `${choice === question.answer ? '✅' : '▫️'} ${choiceText(question, choice)} · ${plural(counts[choice] ?? 0, 'vote')}`,
    )
    .join('\n');
  const winners =
    right.length === 0
      ? 'Nobody this time.'
      : fitLines(
          right.map((user) => `<@${user}>`),
          limits.embedField,
        );
  const embed = roundEmbed(content, reveal, `${choices}\n\nClosed · ${plural(answered, 'answer')}.`);
  embed.fields = [...explanationFields(content, question), { name: `Got it right (${right.length} of ${answered})`, value: winners }];
  return {
    embeds: [embed],
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(reportButton(question.id))],
    allowedMentions: noMentions,
  };
}

export function roundSummaryView(summary: RoundSummary): MessageView {
  const { standings, asked, total, endedEarly } = summary;
  const lines = standings
    .slice(0, 10)
    .map((s, index) => `**${index + 1}.** <@${s.user}> · ${s.points} points (${s.correct}/${s.answered} right)`);
  const early =
    endedEarly === 'restart'
      ? `The bot restarted, so the round ended after question ${asked} of ${total}.\n\n`
      : endedEarly === 'failure'
        ? `The next question could not be posted, so the round ended after question ${asked} of ${total}.\n\n`
        : '';
  const body = standings.length === 0 ? 'Nobody answered.' : lines.join('\n');
  const more = standings.length > 10 ? `\n…and ${standings.length - 10} more players.` : '';
  return {
    embeds: [
      {
        title: 'Quiz round over',
        color: BRAND_COLOUR,
        description: truncate(`${early}${body}${more}\n\nScores are in \`/leaderboard\`.`, limits.embedDescription),
      },
    ],
    components: [],
    allowedMentions: noMentions,
  };
}
