import type { Client, SendableChannels } from 'discord.js';
import type { Content } from '../content/content.js';
import type { Logger } from '../log.js';
import type { RoundDisplay } from '../quiz/rounds.js';
import { roundQuestionView, roundRevealView, roundSummaryView } from './views/round.js';

/**
 * Rounds reach the channel through the REST API: posting a question and later editing that same message
 * needs no interaction token, so a reveal works after a restart too. Reveal and summary failures (message
 * deleted, permissions removed) are logged and the round moves on; only a failed question post is thrown.
 */
export function discordRoundDisplay(client: Client, content: Content, log: Logger): RoundDisplay {
  const channel = async (id: string): Promise<SendableChannels> => {
    const found = await client.channels.fetch(id);
    if (!found?.isSendable()) throw new Error(`channel ${id} cannot receive messages`);
    return found;
  };
  const tolerant = async (what: string, context: object, task: () => Promise<unknown>) => {
    try {
      await task();
    } catch (err) {
      log.warn({ ...context, err }, `could not ${what}`);
    }
  };
  return {
    ask: async (question) => (await (await channel(question.channel)).send(roundQuestionView(content, question))).id,
    reveal: (messageId, reveal) =>
      tolerant('reveal a round question', { round: reveal.roundId, channel: reveal.channel, messageId }, async () => {
        const target = await channel(reveal.channel);
        const view = roundRevealView(content, reveal);
        await (messageId ? target.messages.edit(messageId, view) : target.send(view));
      }),
    finish: (summary) =>
      tolerant('post a round summary', { round: summary.roundId, channel: summary.channel }, async () => {
        await (await channel(summary.channel)).send(roundSummaryView(summary));
      }),
  };
}
