import type { Client, SendableChannels } from 'discord.js';
import type { Content } from '../content/content.js';
import type { StanceDisplay } from '../stances/service.js';
import { ballotView, revealView } from './views/stance.js';

/**
 * Stance rounds reach Discord through the REST API, not an interaction token, so the count, the close and the
 * reveal work days later and after a restart. The ballot edit changes only the post's text and buttons: the
 * prompt's embed stays as it was posted.
 */
export function discordStanceDisplay(client: Client, content: Content): StanceDisplay {
  const channel = async (id: string): Promise<SendableChannels> => {
    const found = await client.channels.fetch(id);
    if (!found?.isSendable()) throw new Error(`channel ${id} cannot receive messages`);
    return found;
  };
  return {
    async showBallot(round) {
      const target = await channel(round.channelId);
      if (!('messages' in target)) throw new Error(`channel ${round.channelId} has no messages`);
      await target.messages.edit(round.messageId, ballotView(round));
    },
    async reveal(round, reveal) {
      const target = await channel(round.threadId ?? round.channelId);
      const message = await target.send(revealView(content, round, reveal));
      return message.id;
    },
  };
}
