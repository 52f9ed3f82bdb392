import { type APIEmbed, type APIEmbedField, channelMention, messageLink, TimestampStyles, time, userMention } from 'discord.js';
import { limits } from '../../content/limits.js';
import { FAILURE_TEXT, type PromptCard } from '../../prompts/poster.js';
import { FAILURES_BEFORE_PAUSE, type FailureRecord, type PromptSchedule } from '../../prompts/record.js';
import type { Delivery } from '../../prompts/scheduler.js';
import type { PromptStatus } from '../../prompts/service.js';
import { describeSchedule } from '../../prompts/slots.js';
import { MESSAGE_MAX, noMentions, truncate } from '../reply.js';
import { BRAND_COLOUR, fitLines } from './parts.js';
import { shownUserText } from './userText.js';

/** A message payload for a reply, an edit or a channel post; the command adds flags where it needs them. */
export interface PromptsView {
  readonly content?: string;
  readonly embeds?: APIEmbed[];
  readonly allowedMentions: typeof noMentions;
}

/** A post older than this still at "posting" was claimed but never confirmed: the bot stopped mid-send. */
const STUCK_MS = 10 * 60_000;

export const notice = (content: string): PromptsView => ({ content: truncate(content, MESSAGE_MAX), allowedMentions: noMentions });
const when = (at: Date) => `${time(at, TimestampStyles.LongDateTime)} (${time(at, TimestampStyles.RelativeTime)})`;
const field = (name: string, value: string, inline = false): APIEmbedField => ({
  name,
  value: truncate(value || '–', limits.embedField),
  inline,
});

/** A prompt's title inside a message: it may be a member's suggestion, so it is shown as member text. */
const promptTitle = (title: string) => shownUserText(title, 100);

export const NOT_SET_UP = 'Weekly discussion prompts are not set up in this server yet. Start with `/prompts setup`.';

/** The weekly post: the prompt, its follow-up questions, the related section and the sources. */
export function promptPostView({ prompt, section, sources, suggestedBy }: PromptCard): PromptsView {
  const followUps = prompt.followUps.map((question, index) => `${index + 1}. ${question}`);
  const sourceLines = sources.map((source) => `[${source.title}](${source.url})`);
  // A member's suggestion is member text: shown escaped, with no follow-ups or sources of its own.
  const embed: APIEmbed = {
    title: truncate(suggestedBy ? shownUserText(prompt.title, 90) : prompt.title, limits.embedTitle),
    color: BRAND_COLOUR,
    description: suggestedBy ? shownUserText(prompt.prompt, 1500) : truncate(prompt.prompt, limits.embedDescription),
    fields: [
      ...(followUps.length ? [field('Follow-up questions', followUps.join('\n'))] : []),
      ...(section ? [field('Related section', `**${section.order}. ${section.title}**\n${section.summary}`)] : []),
      ...(sourceLines.length ? [field('Sources', fitLines(sourceLines, limits.embedField))] : []),
      ...(suggestedBy ? [field('Suggested by', userMention(suggestedBy))] : []),
    ],
    footer: { text: 'Weekly discussion prompt · Scratchpad' },
  };
  return { embeds: [embed], allowedMentions: noMentions };
}

export function setupDoneView(record: PromptSchedule, nextPost: Date): PromptsView {
  const thread = record.thread ? 'each with a public thread for the discussion' : 'without threads';
  return notice(
    `Weekly discussion prompts are set: ${describeSchedule(record)} in ${channelMention(record.channelId)}, ${thread}.\n` +
      `First post: ${when(nextPost)}. Check on it any time with \`/prompts status\`.`,
  );
}

export function missingPermissionsText(channelId: string, missing: readonly string[]): string {
  return (
    `I cannot post weekly prompts in ${channelMention(channelId)}: I am missing **${missing.join('**, **')}** there. ` +
    'Grant them to Scratchpad in the channel settings (Permissions), then run `/prompts setup` again.'
  );
}

function failureText(failure: FailureRecord): string {
  const code = failure.code === undefined ? '' : ` (Discord error ${failure.code})`;
  const stage = failure.stage === 'thread' ? 'The discussion thread could not be created' : 'The post failed';
  return `${time(new Date(failure.at), TimestampStyles.RelativeTime)}: ${stage}: ${FAILURE_TEXT[failure.kind]}${code}.`;
}

function lastPostText(guildId: string, status: PromptStatus, now: Date): string {
  const post = status.record.lastPost;
  if (!post) return 'None yet.';
  const title = promptTitle(status.lastPrompt?.title ?? post.promptId);
  const at = time(new Date(post.at), TimestampStyles.RelativeTime);
  if (post.state === 'failed') return `Failed ${at}: “${title}”.`;
  if (post.state === 'posting') {
    return now.getTime() - Date.parse(post.at) > STUCK_MS
      ? `“${title}” was started ${at} but never confirmed: the bot stopped while posting, so that week may have no post. It is not retried, to never post twice.`
      : `Posting “${title}” now…`;
  }
  const link = post.messageId ? `[${title}](${messageLink(post.channelId, post.messageId, guildId)})` : title;
  return `${link} ${at}${post.threadId ? ` · discussion in ${channelMention(post.threadId)}` : ''}`;
}

function stateText(record: PromptSchedule): string {
  if (record.state === 'active') return 'Active';
  if (record.state === 'off') return 'Off. `/prompts resume` turns it back on.';
  return `Paused. ${record.pausedReason ?? 'A moderator paused it.'} \`/prompts resume\` restarts it.`;
}

export function statusView(guildId: string, status: PromptStatus, now: Date): PromptsView {
  const { record } = status;
  const rotation =
    status.total === 0
      ? 'The content bundle has no discussion prompts.'
      : `${status.left} of ${status.total} prompts left in this round${status.upNext ? ` · up next: “${promptTitle(status.upNext.title)}”` : ''}`;
  const fields = [
    field('Channel', `${channelMention(record.channelId)}${record.thread ? ' · with a discussion thread' : ' · no threads'}`, true),
    field('Schedule', describeSchedule(record), true),
    field('State', stateText(record)),
    field('Next post', status.nextPost ? when(status.nextPost) : '– (not scheduled while paused or off)'),
    field('Last post', lastPostText(guildId, status, now)),
    field('Rotation', rotation),
  ];
  if (record.missed) {
    const missed = record.missed;
    fields.push(
      field(
        'Missed',
        `${missed.count} post${missed.count === 1 ? '' : 's'} skipped because the bot was offline past the grace window; latest ${when(new Date(missed.latest))}.`,
      ),
    );
  }
  if (record.lastError) {
    const streak =
      record.failures > 0 ? `\n${record.failures} scheduled post(s) failed in a row; the schedule pauses at ${FAILURES_BEFORE_PAUSE}.` : '';
    fields.push(field('Last error', failureText(record.lastError) + streak));
  }
  return { embeds: [{ title: 'Weekly discussion prompts', color: BRAND_COLOUR, fields }], allowedMentions: noMentions };
}

export function postNowView(guildId: string, channelId: string, delivery: Delivery, title: string | undefined): PromptsView {
  if (!delivery.ok) {
    const code = delivery.error.code === undefined ? '' : ` (Discord error ${delivery.error.code})`;
    return notice(
      `Nothing was posted in ${channelMention(channelId)}: ${FAILURE_TEXT[delivery.error.kind]}${code}. See \`/prompts status\`.`,
    );
  }
  const link = `[${promptTitle(title ?? delivery.promptId)}](${messageLink(channelId, delivery.messageId, guildId)})`;
  const thread = delivery.threadId
    ? ` Discussion: ${channelMention(delivery.threadId)}.`
    : delivery.threadError
      ? ` The post is up, but the thread could not be created: ${FAILURE_TEXT[delivery.threadError.kind]}.`
      : '';
  return notice(`Posted ${link} in ${channelMention(channelId)}.${thread} The weekly schedule is unchanged.`);
}

export const skippedView = (skipped: string, next: string | undefined) =>
  notice(`Skipped “${promptTitle(skipped)}”.${next ? ` The next post will be “${promptTitle(next)}”.` : ''}`);

export function changedView(action: 'pause' | 'resume' | 'off', before: PromptSchedule, after: PromptSchedule, nextPost: Date | undefined) {
  if (action === 'pause') {
    return notice(
      before.state === 'active' ? 'Weekly prompts are paused. `/prompts resume` restarts them.' : `Nothing to pause: ${stateText(before)}`,
    );
  }
  if (action === 'off')
    return notice('Weekly prompts are off. The settings are kept: `/prompts resume` or `/prompts setup` turns them back on.');
  if (before.state === 'active') return notice(`Weekly prompts are already running.${nextPost ? ` Next post: ${when(nextPost)}.` : ''}`);
  return notice(`Weekly prompts resumed: ${describeSchedule(after)}.${nextPost ? ` Next post: ${when(nextPost)}.` : ''}`);
}
