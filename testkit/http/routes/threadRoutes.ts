import type { StandInCore } from '../../core.js';
import type { PermissionName } from '../../permissions.js';
import { asRecord } from '../../validation/limitIssue.js';
import { apiChannel, apiMessage } from '../../world/apiShapes.js';
import { createMessage } from '../../world/messageFactory.js';
import { type ChannelRecord, ChannelType, type MessageRecord } from '../../world/records.js';
import { announceThread } from '../announce.js';
import { ApiError, apiErrors } from '../apiError.js';
import { channelForBot, channelMessage } from '../channelAccess.js';
import type { Route, RouteRequest, RouteResponse } from '../router.js';

const HAS_THREAD = 32;
const DEFAULT_ARCHIVE_MINUTES = 4320;

/** Both thread-creation routes: a thread on its own (or a forum post), and a thread from a message. */
export function threadRoutes(core: StandInCore): Route[] {
  return [
    {
      method: 'POST',
      template: '/channels/{channel_id}/threads',
      auth: 'bot',
      handle: (r) => withoutMessage(core, r),
    },
    { method: 'POST', template: '/channels/{channel_id}/messages/{message_id}/threads', auth: 'bot', handle: (r) => fromMessage(core, r) },
  ];
}

function withoutMessage(core: StandInCore, { params, body }: RouteRequest): RouteResponse {
  const parent = core.world.channels.get(params.channel_id ?? '');
  if (parent?.type === ChannelType.GuildForum) return forumPost(core, parent, body);
  const b = asRecord(body);
  const type = typeof b.type === 'number' ? b.type : ChannelType.PrivateThread;
  const needs: PermissionName = type === ChannelType.PrivateThread ? 'CreatePrivateThreads' : 'CreatePublicThreads';
  const channel = threadParent(core, params.channel_id ?? '', needs);
  const thread = newThread(core, channel, b, type, null);
  return { status: 201, body: apiChannel(thread) };
}

function fromMessage(core: StandInCore, { params, body }: RouteRequest): RouteResponse {
  const channel = threadParent(core, params.channel_id ?? '', 'CreatePublicThreads');
  const message = channelMessage(core, channel, params.message_id ?? '');
  if (message.threadId) throw apiErrors.threadExists(`message ${message.id} already started thread ${message.threadId}`);
  const type = channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread;
  const thread = newThread(core, channel, asRecord(body), type, message);
  return { status: 201, body: apiChannel(thread) };
}

function forumPost(core: StandInCore, forum: ChannelRecord, body: unknown): RouteResponse {
  channelForBot(core, forum.id, ['SendMessages']);
  const b = asRecord(body);
  const thread = newThread(core, forum, b, ChannelType.PublicThread, null);
  const starter = createMessage(core.world, b.message, { channelId: thread.id, type: 0 });
  if (thread.thread) thread.thread.starterMessageId = starter.id;
  return { status: 201, body: { ...apiChannel(thread), message: apiMessage(core.world, starter) } };
}

function threadParent(core: StandInCore, channelId: string, needs: PermissionName): ChannelRecord {
  const channel = channelForBot(core, channelId, [needs]);
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    throw new ApiError(
      400,
      50024,
      'Cannot execute action on this channel type',
      `#${channel.name} (type ${channel.type}) cannot hold threads`,
    );
  }
  return channel;
}

function newThread(
  core: StandInCore,
  parent: ChannelRecord,
  body: Record<string, unknown>,
  type: number,
  starter: MessageRecord | null,
): ChannelRecord {
  const thread: ChannelRecord = {
    id: starter?.id ?? core.world.ids.next(),
    guildId: parent.guildId,
    type,
    name: String(body.name ?? ''),
    position: 0,
    parentId: parent.id,
    topic: null,
    rateLimitPerUser: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
    overwrites: [],
    lastMessageId: null,
    messageCount: 0,
    thread: {
      ownerId: core.world.bot.id,
      starterMessageId: starter?.id ?? null,
      archived: false,
      locked: false,
      autoArchiveDuration: typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : DEFAULT_ARCHIVE_MINUTES,
      createdAt: core.clock.now(),
      invitable: type === ChannelType.PrivateThread ? body.invitable !== false : null,
    },
  };
  if (starter) {
    starter.threadId = thread.id;
    starter.flags |= HAS_THREAD;
    core.events.publish('messageUpdate', starter);
  }
  core.world.addChannel(thread);
  announceThread(core, thread);
  return thread;
}
