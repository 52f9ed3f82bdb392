import { ActionRowBuilder, ButtonBuilder } from '@discordjs/builders';
import { ButtonStyle } from 'discord.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { Accuracy, Insights } from '../../quiz/insights.js';
import type { ProgressSummary } from '../../quiz/progress.js';
import { keepId, resetId } from '../quizIds.js';
import { noMentions, truncate } from '../reply.js';
import { BRAND_COLOUR, fitLines, type MessageView, sectionTitle } from './parts.js';

const BAR_WIDTH = 10;

/** A compact bar such as ▰▰▰▱▱▱▱▱▱▱ for a share between 0 and 1. */
export function bar(share: number, width = BAR_WIDTH): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * width);
  return '▰'.repeat(filled) + '▱'.repeat(width - filled);
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;

const share = (accuracy: Accuracy) => (accuracy.share === null ? '–' : `${percent(accuracy.share)} of ${accuracy.answered}`);

/** Sections answered in the last four weeks, against before; the member's most-missed questions. */
function insightFields(content: Content, insights: Insights) {
  const trends = insights.sections
    .filter((s) => s.recent.answered > 0)
    .map((s) => `${sectionTitle(content, s.section)}: ${share(s.recent)} lately · ${share(s.before)} before`);
  const hardest = insights.hardest.map((h) => `${truncate(h.question.question.replace(/\s+/g, ' '), 90)} (right ${h.right} of ${h.seen})`);
  return [
    { name: 'Right at the first try', value: share(insights.firstTry), inline: true },
    ...(trends.length === 0 ? [] : [{ name: 'Accuracy per section: last 4 weeks · before', value: fitLines(trends, limits.embedField) }]),
    ...(hardest.length === 0 ? [] : [{ name: 'Your hardest questions', value: fitLines(hardest, limits.embedField) }]),
  ];
}

export function progressView(content: Content, summary: ProgressSummary, member: string, insights?: Insights): MessageView {
  const mastery = summary.mastery.map(
    (m) => `\`${bar(m.mastery)}\` ${percent(m.mastery).padStart(4)} ${sectionTitle(content, m.section)} (${m.seen}/${m.total} seen)`,
  );
  const intro =
    summary.answered === 0
      ? `<@${member}> has not answered any questions in this server yet. Try \`/quiz start\`.`
      : `<@${member}> in this server.`;
  return {
    embeds: [
      {
        title: 'Quiz progress',
        color: BRAND_COLOUR,
        description: truncate(`${intro}\n\n**Mastery per section**\n${fitLines(mastery, 3500)}`, limits.embedDescription),
        fields: [
          { name: 'Answered', value: String(summary.answered), inline: true },
          { name: 'Accuracy', value: summary.accuracy === null ? '–' : percent(summary.accuracy), inline: true },
          { name: 'Points', value: `${summary.points} (${summary.weekPoints} this week)`, inline: true },
          { name: 'Streak', value: `${days(summary.streak.current)} · best ${days(summary.streak.best)}`, inline: true },
          { name: 'Due for review', value: summary.due > 0 ? `${summary.due} · \`/quiz review\`` : '0', inline: true },
          ...(insights && summary.answered > 0 ? insightFields(content, insights) : []),
        ],
        footer: { text: `Streak days follow ${summary.timeZone}; /progress timezone changes it. /progress export downloads your answers.` },
      },
    ],
    components: [],
    allowedMentions: noMentions,
  };
}

export function resetConfirmView(owner: string): MessageView {
  return {
    embeds: [
      {
        title: 'Delete your quiz progress in this server?',
        color: 0xed4245,
        description:
          'This deletes your answers, points, streak, mastery and review schedule here, ends your private quiz, deletes your stances on the weekly prompts and withdraws your pending prompt suggestions. It cannot be undone. Reports you filed stay with the moderators.',
      },
    ],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(resetId.encode({ owner })).setLabel('Delete my progress').setStyle(ButtonStyle.Danger),
        new ButtonBuilder().setCustomId(keepId.encode({ owner })).setLabel('Keep it').setStyle(ButtonStyle.Secondary),
      ),
    ],
    allowedMentions: noMentions,
  };
}

export function resetResultView(deleted: boolean): MessageView {
  const description = deleted ? 'Your quiz progress and stances in this server were deleted.' : 'Nothing was deleted.';
  return {
    embeds: [{ title: deleted ? 'Progress deleted' : 'Kept', color: BRAND_COLOUR, description }],
    components: [],
    allowedMentions: noMentions,
  };
}
