import {
  ChannelType,
  type Client,
  DiscordAPIError,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type TextChannel,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import { PostError, type PromptPoster } from '../prompts/poster.js';
import { promptPostView } from './views/prompts.js';

/** Maps Discord's failures onto the scheduler's kinds: 50013/50001 permissions, 10003 unknown channel. */
export function toPostError(err: unknown): PostError {
  if (err instanceof PostError) return err;
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : undefined;
    if (code === RESTJSONErrorCodes.MissingPermissions || code === RESTJSONErrorCodes.MissingAccess) {
      return new PostError('missing-permissions', err.message, code);
    }
    if (code === RESTJSONErrorCodes.UnknownChannel) return new PostError('unknown-channel', err.message, code);
    return new PostError('other', err.message, code);
  }
  return new PostError('other', err instanceof Error ? err.message : String(err));
}

async function mapped<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (err) {
    throw toPostError(err);
  }
}

/** The scheduler's way into Discord: post the card in a text channel, then open a public thread on it. */
export function discordPromptPoster(client: Client): PromptPoster {
  const textChannel = async (channelId: string): Promise<TextChannel> => {
    const channel = await mapped(() => client.channels.fetch(channelId));
    if (channel?.type !== ChannelType.GuildText) {
      throw new PostError('unknown-channel', 'the channel is missing or not a text channel', RESTJSONErrorCodes.UnknownChannel);
    }
    return channel;
  };
  return {
    async post(channelId, card) {
      const channel = await textChannel(channelId);
      const message = await mapped(() => channel.send(promptPostView(card)));
      return message.id;
    },
    async openThread(channelId, messageId, name) {
      const channel = await textChannel(channelId);
      const thread = await mapped(() =>
        channel.threads.create({
          startMessage: messageId,
          name,
          autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
          reason: 'Weekly discussion prompt',
        }),
      );
      return thread.id;
    },
  };
}

/** What the bot needs in the prompts channel: to post the embed, and (with threads on) to open and speak in a thread. */
export function promptPermissions(thread: boolean): bigint[] {
  const post = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];
  return thread ? [...post, PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads] : post;
}
