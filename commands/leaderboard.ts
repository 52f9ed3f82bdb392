import { SlashCommandBuilder } from 'discord.js';
import { defineCommand } from '../src/discord/command.js';
import { guildOf, userFacing } from '../src/discord/quizGuards.js';
import { leaderboardView } from '../src/discord/views/leaderboard.js';
import type { Period } from '../src/quiz/leaderboard.js';

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('leaderboard')
    .setDescription('Top 10 quiz scores in this server and your own rank')
    .addStringOption((option) =>
      option
        .setName('period')
        .setDescription('This week (default; starts Monday 00:00 UTC) or all time')
        .addChoices({ name: 'This week', value: 'week' }, { name: 'All time', value: 'all-time' }),
    ),
  execute: userFacing(async (ctx, interaction) => {
    const period = (interaction.options.getString('period') ?? 'week') as Period;
    const board = await ctx.quiz.leaderboard(guildOf(interaction), period, interaction.user.id);
    return interaction.reply(leaderboardView(board, interaction.user.id));
  }),
});
