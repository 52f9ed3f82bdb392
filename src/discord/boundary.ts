import type { Interaction } from 'discord.js';
import type { Logger } from '../log.js';
import { UserFacingError } from './errors.js';
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
 * member can quote. Expected refusals (UserFacingError) show their own text; bugs never show internals.
 */
export async function guarded(interaction: Interaction, log: Logger, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const expected = err instanceof UserFacingError;
    const context = interactionContext(interaction);
    if (expected) log.info({ ...context, reason: err.message }, 'interaction refused');
    else log.error({ ...context, err }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    const reply = ephemeral(expected ? err.message : `Something went wrong (ref ${interaction.id}). Please try again.`);
    const answer = interaction.deferred || interaction.replied ? interaction.followUp(reply) : interaction.reply(reply);
    await answer.catch((replyError: unknown) => log.warn({ ...context, err: replyError }, 'error reply failed'));
  }
}
