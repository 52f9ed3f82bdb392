import type { Interaction } from 'discord.js';
import type { Logger } from '../log.js';
import { StoreUnavailableError } from '../store/backend.js';
import { STORE_DOWN, UserFacingError } from './errors.js';
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

/**
 * The one place a handler's failure surfaces: logged once with context, answered once with a reference the
 * member can quote. Expected refusals (UserFacingError) show their own text, a storage outage says nothing was
 * saved and to try again, and bugs never show internals.
 */
export async function guarded(interaction: Interaction, log: Logger, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (thrown) {
    const context = interactionContext(interaction);
    const outage = thrown instanceof StoreUnavailableError;
    const err = outage ? new UserFacingError(STORE_DOWN) : thrown;
    const expected = err instanceof UserFacingError;
    if (outage) log.warn({ ...context, err: thrown }, 'store unavailable');
    else if (expected) log.info({ ...context, reason: err.message }, 'interaction refused');
    else log.error({ ...context, err }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    const reply = ephemeral(expected ? err.message : `Something went wrong (ref ${interaction.id}). Please try again.`);
    const answer = interaction.deferred || interaction.replied ? interaction.followUp(reply) : interaction.reply(reply);
    await answer.catch((replyError: unknown) => log.warn({ ...context, err: replyError }, 'error reply failed'));
  }
}
