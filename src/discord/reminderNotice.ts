import type { Interaction } from 'discord.js';
import type { Services } from '../services.js';
import { ephemeral } from './reply.js';

export const DMS_CLOSED_NOTICE =
  "I couldn't send your review reminder: your DMs are closed to me, so I turned the reminder off. " +
  'Allow direct messages from this server (Privacy Settings), then switch it back on with `/progress reminders on:true`.';

/**
 * Says once, privately, that a member's review reminder was turned off because Discord refused the DM (50007):
 * right after the bot's next answer to that member in that guild, as an ephemeral follow-up. The check is an
 * in-memory lookup, so interactions of every other member cost nothing.
 */
export async function tellClosedDms(ctx: Services, interaction: Interaction): Promise<void> {
  if (!interaction.inGuild() || !interaction.isRepliable() || !(interaction.replied || interaction.deferred)) return;
  if (!ctx.reminders.scheduler.hasNotice(interaction.guildId, interaction.user.id)) return;
  if (!(await ctx.reminders.takeNotice(interaction.guildId, interaction.user.id))) return;
  await interaction.followUp(ephemeral(DMS_CLOSED_NOTICE));
}
