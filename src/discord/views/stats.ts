import { type APIEmbed, AttachmentBuilder } from 'discord.js';
import { chartPng } from '../../charts/render.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { GroupStats } from '../../quiz/stats.js';
import { statsChartSpec } from '../../quiz/statsChart.js';
import { noMentions, truncate } from '../reply.js';
import { BRAND_COLOUR, fitLines, letter, sectionTitle, unix } from './parts.js';
import { bar } from './progress.js';

export const STATS_CHART = 'quiz-stats.png';
const percent = (share: number) => `${Math.round(share * 100)}%`;
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function missedLines(content: Content, stats: GroupStats): string[] {
  return stats.mostMissed.map((m, i) => {
    const head = `**${i + 1}.** ${truncate(oneLine(m.question.question), 140)} (${sectionTitle(content, m.question.section)}) · missed ${m.missed} of ${m.seen}`;
    const wrong = m.wrong
      ? `\n   Most chosen wrong answer: **${letter(m.wrong.choice)}.** ${truncate(m.question.choices[m.wrong.choice] ?? '?', 80)} (${m.wrong.count}×${m.wrong.misconception ? ', a misconception worth discussing' : ''})`
      : '';
    const claim = m.claim
      ? `\n   Claim card: \`${m.claim.id}\`: ${truncate(m.claim.claim, 120)} (\`/claim text:${truncate(m.claim.claim, 60)}\`)`
      : '';
    return `${head}${wrong}${claim}`;
  });
}

/** /quiz stats: the figures as text (so they read without the picture) and the chart as a PNG attachment. */
export async function statsView(content: Content, stats: GroupStats) {
  const mastery = stats.sections
    .filter((s) => s.members > 0)
    .map(
      (s) =>
        `\`${bar(s.mastery)}\` ${percent(s.mastery).padStart(4)} ${sectionTitle(content, s.section)} (${s.members} member${s.members === 1 ? '' : 's'})`,
    );
  const firstActive = stats.weeks.findIndex((w) => w.answers > 0);
  const weeks = stats.weeks
    .slice(Math.max(0, firstActive))
    .map((w) => `${w.week}: ${w.members} member${w.members === 1 ? '' : 's'}, ${w.answers} answer${w.answers === 1 ? '' : 's'}`);
  const reports = stats.openReports.map((r) => `#${r.id} \`${r.question}\` <t:${unix(r.at)}:R>: ${truncate(oneLine(r.reason), 80)}`);
  const embed: APIEmbed = {
    title: 'What the group is learning',
    color: BRAND_COLOUR,
    description: truncate(
      stats.members === 0
        ? 'Nobody has answered a quiz question in this server yet.'
        : `**Most-missed questions**\n${fitLines(missedLines(content, stats), 2400) || 'None missed yet.'}`,
      limits.embedDescription,
    ),
    fields: [
      {
        name: 'Mastery per section (members who answered there)',
        value: truncate(fitLines(mastery, limits.embedField) || '–', limits.embedField),
      },
      { name: 'Participation per week', value: truncate(fitLines(weeks, limits.embedField), limits.embedField) },
      {
        name: `Open reports (${stats.openReports.length})`,
        value: truncate(fitLines(reports, limits.embedField) || 'None. `/quiz reports` lists and closes them.', limits.embedField),
      },
    ],
    image: { url: `attachment://${STATS_CHART}` },
    footer: { text: `${stats.members} member${stats.members === 1 ? '' : 's'} with answers` },
  };
  const png = await chartPng(statsChartSpec(stats, (id) => sectionTitle(content, id)));
  return {
    embeds: [embed],
    files: [new AttachmentBuilder(png, { name: STATS_CHART, description: 'Mastery per section and members answering per week' })],
    allowedMentions: noMentions,
  };
}
