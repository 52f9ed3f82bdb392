import { ApplicationCommandOptionType } from 'discord.js';
import { defineCommand } from '../src/discord/command.js';
import { leaderboardView } from '../src/discord/views/leaderboard.js';

export default defineCommand({
  data: {
    name: 'leaderboard',
    description: 'Top 10 quiz scores in this server and your own rank',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'period',
        description: 'This week (default; starts Monday 00:00 UTC) or all time',
        choices: [
          { name: 'This week', value: 'week' },
          { name: 'All time', value: 'all-time' },
        ],
      },
    ],
  },
  run: async (ctx, interaction, { period }) => {
    const board = await ctx.quiz.leaderboard(interaction.guildId, period ?? 'week', interaction.user.id);
    return interaction.reply(leaderboardView(board, interaction.user.id));
  },
});
