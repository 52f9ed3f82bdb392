import type { Interaction } from 'discord.js';
import type { Logger } from '../log.js';
import { QuizRefusal } from '../quiz/errors.js';
import { StoreUnavailableError } from '../store/backend.js';
import { EXPIRED, Expired, Refusal, STORE_DOWN } from './errors.js';
import { ephemeral } from './reply.js';

/** Where an interaction is going, for logs: the command name or the custom_id. */
export function routeOf(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return `/${interaction.commandName}`;
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return interaction.customId;
  return `type ${(interaction as Interaction).type}`;
}

export function interactionContext(interaction: Interaction) {
  return {
    ref: interaction.id,
    guild: interaction.guildId,
    channel: interaction.channelId,
    user: interaction.user.id,
    command: routeOf(interaction),
  };
}

/** What the member is told for an expected refusal; undefined for a bug, whose internals are never shown. */
function refusalText(err: unknown): string | undefined {
  if (err instanceof Expired) return EXPIRED;
  if (err instanceof StoreUnavailableError) return STORE_DOWN;
  if (err instanceof Refusal || err instanceof QuizRefusal) return err.message;
  return undefined;
}

/**
 * The one place a handler's failure surfaces: logged once with context, answered once with a reference the
 * member can quote. Refusals (ours and the quiz's) show their own text, an outdated interaction is "expired",
 * a storage outage says nothing was saved and to try again, and bugs never show internals.
 */
export async function guarded(interaction: Interaction, log: Logger, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const context = interactionContext(interaction);
    const refusal = refusalText(err);
    if (err instanceof StoreUnavailableError) log.warn({ ...context, err }, 'store unavailable');
    else if (refusal !== undefined) log.info({ ...context, reason: (err as Error).message }, 'interaction refused');
    else log.error({ ...context, err }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    const reply = ephemeral(refusal ?? `Something went wrong (ref ${interaction.id}). Please try again.`);
    const answer = interaction.deferred || interaction.replied ? interaction.followUp(reply) : interaction.reply(reply);
    await answer.catch((replyError: unknown) => log.warn({ ...context, err: replyError }, 'error reply failed'));
  }
}
