import { ActionRowBuilder, ButtonBuilder, LabelBuilder, ModalBuilder, TextInputBuilder } from '@discordjs/builders';
import { type APIEmbed, type APIEmbedField, ButtonStyle, TextInputStyle, TimestampStyles, time, userMention } from 'discord.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { StanceRound, StanceSettings } from '../../stances/records.js';
import { type HistoryEntry, MIN_TO_REVEAL, type Reveal, type Share, type Trend } from '../../stances/reveal.js';
import type { Suggestion } from '../../stances/suggestions.js';
import { noMentions, truncate } from '../reply.js';
import {
  approveId,
  DECLINE_REASON,
  declineFormId,
  declineId,
  editFormId,
  editId,
  SUGGEST_FIELDS,
  suggestFormId,
  takeId,
} from '../stanceIds.js';
import { BRAND_COLOUR, fitLines } from './parts.js';
import { shownUserText } from './userText.js';

/** Stance questions and labels may be a member's (an approved suggestion), so they are always shown as member text. */
const shown = (text: string, max = 200) => shownUserText(text, max);
const members = (count: number) => `${count} member${count === 1 ? '' : 's'}`;
const until = (at: Date | string) => time(new Date(at), TimestampStyles.LongDateTime);
const field = (name: string, value: string): APIEmbedField => ({ name, value: truncate(value || '–', limits.embedField) });

/** What the weekly post carries below the prompt: the question, how many answered, and the buttons while open. */
export function ballotView(round: StanceRound) {
  const count = Object.keys(round.members).length;
  if (round.state !== 'open') {
    return {
      content: `**Stances are closed.** ${members(count)} took a stance on: ${shown(round.stance.question)}${round.threadId ? ' The reveal is in the thread.' : ''}`,
      components: [],
      allowedMentions: noMentions,
    };
  }
  const buttons = round.stance.positions.map((position) =>
    new ButtonBuilder()
      .setCustomId(takeId.encode({ position: position.id }))
      .setLabel(truncate(position.label, limits.buttonLabel))
      .setStyle(ButtonStyle.Secondary),
  );
  return {
    content:
      `**Where do you stand?** ${shown(round.stance.question)}\n` +
      `${members(count)} took a stance so far · your choice stays private · you can change it until ${until(round.closesAt)}`,
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)],
    allowedMentions: noMentions,
  };
}

export function takenText(label: string, closesAt: Date | string, changed: boolean): string {
  const what = changed ? 'You changed your stance to' : 'You chose';
  return `${what} **${shown(label, limits.buttonLabel)}** — you can change it until ${until(closesAt)}. Your choice stays private; the group sees only the split, when the round closes.`;
}

export const CLOSED_TEXT = 'This round has closed: stances can no longer change. The reveal is in the thread.';

function bar(share: Share, total: number): string {
  const percent = Math.round((share.count / total) * 100);
  const blocks = '█'.repeat(Math.round(percent / 10)).padEnd(10, '░');
  return `${shown(share.position.label, limits.buttonLabel)}\n\`${blocks}\` ${share.count} (${percent}%)`;
}

/** The section and claim cards the prompt links, for reading on after the reveal. */
function readMore(content: Content, round: StanceRound): APIEmbedField[] {
  const section = round.section === undefined ? undefined : content.sections.get(round.section);
  if (!section) return [];
  const claims = section.claims.flatMap((id) => content.claims.get(id) ?? []).slice(0, 3);
  const lines = [
    `**${section.order}. ${section.title}**: \`/summary section:${section.id}\``,
    ...claims.map((claim) => `• *${claim.verdict}*: ${claim.claim}`),
  ];
  return [field('Read more', fitLines(lines, limits.embedField))];
}

export function revealView(content: Content, round: StanceRound, reveal: Reveal) {
  const fields: APIEmbedField[] =
    reveal.kind === 'count'
      ? [
          field(
            'Stances',
            `${members(reveal.total)} took a stance. With fewer than ${MIN_TO_REVEAL} the split stays private, so nobody's choice can be worked out.`,
          ),
        ]
      : [
          field('First stances', reveal.first.map((share) => bar(share, reveal.total)).join('\n')),
          field('Final stances', reveal.final.map((share) => bar(share, reveal.total)).join('\n')),
          field(
            'Changed their mind',
            [
              `${reveal.changed} of ${members(reveal.total)}`,
              ...reveal.moves.map((move) => `${shown(move.from.label, 80)} → ${shown(move.to.label, 80)}: ${move.count}`),
            ].join('\n'),
          ),
        ];
  const embed: APIEmbed = {
    title: truncate(`Where the group stood: ${shown(round.title, 100)}`, limits.embedTitle),
    color: BRAND_COLOUR,
    description: shown(round.stance.question),
    fields: [...fields, ...readMore(content, round)],
    footer: { text: 'Individual stances are never shown to anyone else. Yours: /stance mine' },
  };
  return { embeds: [embed], allowedMentions: noMentions };
}

export function historyView(entries: readonly HistoryEntry[]): APIEmbed {
  const lines = entries.map((entry) => {
    const first = shown(entry.first?.label ?? '?', 80);
    const final = shown(entry.final?.label ?? '?', 80);
    const choice = entry.first?.id === entry.final?.id ? `**${final}**` : `${first} → **${final}** (changed)`;
    const open = entry.open ? ` · open until ${until(entry.closesAt)}` : '';
    return `**${entry.week}** · ${shown(entry.title, 90)}: ${choice}${open}`;
  });
  return {
    title: 'Your stances, week by week',
    color: BRAND_COLOUR,
    description: lines.length
      ? fitLines(lines.reverse(), limits.embedDescription, (left) => `…and ${left} earlier`)
      : 'You have not taken a stance yet. The buttons are on the weekly discussion post.',
    footer: { text: 'Only you can see this. /progress reset deletes your stances in this server.' },
  };
}

export const TREND_IMAGE = 'stance-trend.png';

/** The numbers behind the chart, as text beside it (and instead of it, when it could not be drawn). */
export function trendView(trend: Trend, withImage: boolean): APIEmbed {
  const lines = trend.points.map((point) => {
    const split = point.shares
      ? point.shares.map((share) => `${shown(share.position.label, 80)} ${share.count}`).join(' · ')
      : `fewer than ${MIN_TO_REVEAL}, not shown`;
    return `**${point.week}** (${shown(point.title, 60)}): ${split} — ${members(point.total)}`;
  });
  return {
    title: truncate(`Trend: ${shown(trend.question)}`, limits.embedTitle),
    color: BRAND_COLOUR,
    description: fitLines(lines, limits.embedDescription, (left) => `…and ${left} more weeks`),
    ...(withImage ? { image: { url: `attachment://${TREND_IMAGE}` } } : {}),
    footer: { text: 'Final stances per closed round. Weeks with fewer than 3 stances are counted but not split.' },
  };
}

const input = (id: string, style: TextInputStyle, min: number, max: number, required: boolean, value?: string) => {
  const built = new TextInputBuilder().setCustomId(id).setStyle(style).setMinLength(min).setMaxLength(max).setRequired(required);
  return value ? built.setValue(truncate(value, max)) : built;
};

const labelled = (label: string, description: string, text: TextInputBuilder) =>
  new LabelBuilder().setLabel(label).setDescription(description).setTextInputComponent(text);

/** The suggestion form, empty for a member and filled in for a moderator's edit. */
export function suggestionModal(existing?: Suggestion): ModalBuilder {
  const id = existing ? editFormId.encode({ id: existing.id }) : suggestFormId.encode({});
  return new ModalBuilder()
    .setCustomId(id)
    .setTitle(existing ? `Edit suggestion #${existing.id}, then approve` : 'Suggest a weekly discussion prompt')
    .addLabelComponents(
      labelled(
        'Title',
        'A short headline, 5–90 characters',
        input(SUGGEST_FIELDS.title, TextInputStyle.Short, 5, 90, true, existing?.title),
      ),
      labelled(
        'Prompt',
        'What should the group discuss? 20–1000 characters',
        input(SUGGEST_FIELDS.text, TextInputStyle.Paragraph, 20, 1000, true, existing?.text),
      ),
      labelled(
        'Stance question (optional)',
        'A question members answer privately, e.g. "Is this evidence of X?"',
        input(SUGGEST_FIELDS.question, TextInputStyle.Short, 0, 200, false, existing?.question),
      ),
      labelled(
        'Positions (optional)',
        '2 to 5 answers, one per line, e.g. Yes / Partly / No',
        input(SUGGEST_FIELDS.positions, TextInputStyle.Paragraph, 0, 420, false, existing?.positions.join('\n')),
      ),
    );
}

export function declineModal(suggestion: Suggestion): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(declineFormId.encode({ id: suggestion.id }))
    .setTitle(`Decline suggestion #${suggestion.id}`)
    .addLabelComponents(
      labelled('Reason (optional)', 'Told to the member privately', input(DECLINE_REASON, TextInputStyle.Paragraph, 0, 300, false)),
    );
}

/** One pending suggestion for review, with its buttons. */
export function reviewView(suggestion: Suggestion | undefined, pending: number) {
  if (!suggestion) return { content: 'No suggestions are waiting for review.', embeds: [], components: [], allowedMentions: noMentions };
  const stance = suggestion.question
    ? [
        field(
          'Stance question',
          `${shown(suggestion.question)}\n${suggestion.positions.map((label) => `• ${shown(label, 80)}`).join('\n')}`,
        ),
      ]
    : [];
  const embed: APIEmbed = {
    title: truncate(`#${suggestion.id} · ${shown(suggestion.title, 90)}`, limits.embedTitle),
    color: BRAND_COLOUR,
    description: truncate(shownUserText(suggestion.text, 1500), limits.embedDescription),
    fields: [
      field('Suggested by', `${userMention(suggestion.author)} ${time(new Date(suggestion.at), TimestampStyles.RelativeTime)}`),
      ...stance,
    ],
    footer: { text: `${pending} waiting for review · approved ones are posted before the bundle's prompts` },
  };
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(approveId.encode({ id: suggestion.id }))
      .setLabel('Approve')
      .setStyle(ButtonStyle.Success),
    new ButtonBuilder()
      .setCustomId(editId.encode({ id: suggestion.id }))
      .setLabel('Edit and approve')
      .setStyle(ButtonStyle.Primary),
    new ButtonBuilder()
      .setCustomId(declineId.encode({ id: suggestion.id }))
      .setLabel('Decline')
      .setStyle(ButtonStyle.Danger),
  );
  return { content: '', embeds: [embed], components: [row], allowedMentions: noMentions };
}

/** What the author is told about decisions on their suggestions, the next time they use the bot. */
export function decisionsText(decided: readonly Suggestion[]): string {
  return decided
    .map((item) => {
      const title = `“${shown(item.title, 90)}”`;
      if (item.status === 'declined') return `Your suggestion ${title} was declined${item.reason ? `: ${shown(item.reason, 300)}` : '.'}`;
      return `Your suggestion ${title} was approved and joins the weekly prompts, credited to you.`;
    })
    .join('\n');
}

export function stanceSettingsText(settings: StanceSettings): string {
  if (!settings.enabled)
    return 'Stance questions are off: weekly posts go out without stance buttons. Rounds already open still close and reveal.';
  const close = settings.days === null ? 'at the next weekly post' : `${settings.days} day${settings.days === 1 ? '' : 's'} after the post`;
  return `Stance questions are on: members answer privately on each weekly post that asks one, and the round closes ${close}, revealing the group's split in the thread.`;
}
