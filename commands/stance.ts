import { MessageFlags, ApplicationCommandOptionType as Option, PermissionFlagsBits } from 'discord.js';
import { button, defineCommand } from '../src/discord/command.js';
import { Expired, Refusal } from '../src/discord/errors.js';
import { ephemeral, noMentions, truncate } from '../src/discord/reply.js';
import { takeId } from '../src/discord/stanceIds.js';
import { CLOSED_TEXT, decisionsText, historyView, TREND_IMAGE, takenText, trendView } from '../src/discord/views/stance.js';
import type { Services } from '../src/services.js';
import { trendPng } from '../src/stances/trendChart.js';

/** Decisions on the member's suggestions they have not heard about yet (no direct message reached them). */
async function decisions(ctx: Services, guild: string, user: string): Promise<string> {
  const decided = await ctx.suggestions.notices(guild, user);
  return decided.length ? `\n\n${decisionsText(decided)}` : '';
}

export default defineCommand({
  data: {
    name: 'stance',
    description: 'Your stances on the weekly prompts, and the group trend (Manage Server)',
    options: [
      { type: Option.Subcommand, name: 'mine', description: 'Your own stances week by week, and where you changed your mind' },
      {
        type: Option.Subcommand,
        name: 'trend',
        description: "The group's stances on one question over the weeks, as a chart (Manage Server)",
        options: [
          {
            type: Option.String,
            name: 'question',
            description: 'A stance question asked here',
            required: true,
            autocomplete: true,
            max_length: 64,
          },
        ],
      },
    ],
  },
  subcommands: {
    mine: {
      run: async (ctx, interaction) => {
        const { guildId, user } = interaction;
        const history = await ctx.stances.history(guildId, user.id);
        const note = await decisions(ctx, guildId, user.id);
        return interaction.reply({
          embeds: [historyView(history)],
          ...(note ? { content: truncate(note.trim(), 2000) } : {}),
          flags: MessageFlags.Ephemeral,
          allowedMentions: noMentions,
        });
      },
    },
    trend: {
      requires: PermissionFlagsBits.ManageGuild,
      cooldown: 5,
      run: async (ctx, interaction, { question }) => {
        const trend = await ctx.stances.trend(interaction.guildId, question);
        if (!trend) throw new Refusal('No closed round has asked that question here yet. Pick one from the list as you type.');
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const png = await trendPng(trend).catch((err: unknown) => {
          ctx.log.warn({ err, guildId: interaction.guildId, question }, 'trend chart could not be drawn; sending the numbers only');
          return undefined;
        });
        return interaction.editReply({
          embeds: [trendView(trend, png !== undefined)],
          files: png ? [{ attachment: png, name: TREND_IMAGE }] : [],
          allowedMentions: noMentions,
        });
      },
    },
  },
  autocomplete: async (ctx, interaction) => {
    const typed = interaction.options.getFocused().trim().toLowerCase();
    const asked = await ctx.stances.askedQuestions(interaction.guildId);
    const found = asked.filter((each) => `${each.id} ${each.question}`.toLowerCase().includes(typed)).slice(0, 25);
    return interaction.respond(found.map((each) => ({ name: truncate(each.question, 100), value: each.id })));
  },
  components: [
    button(takeId, async (ctx, interaction, { position }) => {
      const { guildId, user, message } = interaction;
      const result = await ctx.stances.take(guildId, message.id, user.id, position);
      if (!result.ok && result.reason === 'closed') throw new Refusal(CLOSED_TEXT);
      if (!result.ok) throw new Expired('no stance round on this message, or the position is gone');
      const note = await decisions(ctx, guildId, user.id);
      return interaction.reply(ephemeral(takenText(result.label, result.round.closesAt, result.changed) + note));
    }),
  ],
});
