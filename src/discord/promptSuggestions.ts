/**
 * Member prompt suggestions under /prompts: `suggest` opens the form (any member), `suggestions` reviews the queue
 * one at a time (Manage Server) with approve, edit-and-approve and decline with a reason. The author hears the
 * decision by direct message; when that fails (DMs closed), the next stance interaction tells them privately.
 */
import { type Client, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { Services } from '../services.js';
import type { Suggestion, SuggestionInput } from '../stances/suggestions.js';
import { type ButtonClick, button, type ModalSubmit, modal, type SlashInteraction } from './command.js';
import { Refusal } from './errors.js';
import { ephemeral, noMentions } from './reply.js';
import { approveId, DECLINE_REASON, declineFormId, declineId, editFormId, editId, SUGGEST_FIELDS, suggestFormId } from './stanceIds.js';
import { decisionsText, declineModal, reviewView, suggestionModal } from './views/stance.js';

const MODERATOR = { requires: PermissionFlagsBits.ManageGuild };
const FIELDS = [SUGGEST_FIELDS.title, SUGGEST_FIELDS.text, SUGGEST_FIELDS.question, SUGGEST_FIELDS.positions] as const;
type Fields = { readonly [Field in (typeof FIELDS)[number]]: string };

function inputOf(fields: Fields): SuggestionInput {
  const question = fields.question.trim();
  const positions = fields.positions
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return { title: fields.title, text: fields.text, ...(question ? { question } : {}), positions };
}

const invalid = (problems: readonly string[]) =>
  new Refusal(`That suggestion needs a fix:\n${problems.map((problem) => `• ${problem}`).join('\n')}`);

/** Tells the author by direct message; a closed DM leaves the decision for their next stance interaction. */
async function tellAuthor(ctx: Services, client: Client, guild: string, decided: Suggestion): Promise<void> {
  try {
    await client.users.send(decided.author, {
      content: `From ${client.guilds.cache.get(guild)?.name ?? 'your server'}: ${decisionsText([decided])}`,
      allowedMentions: noMentions,
    });
    await ctx.suggestions.told(guild, decided.id);
  } catch (err) {
    ctx.log.info(
      { err, guildId: guild, suggestion: decided.id },
      'could not tell the author by direct message; they will see it next time',
    );
  }
}

/** Shows the next pending suggestion where the review was, with a line about what just happened. */
async function showNext(ctx: Services, interaction: ButtonClick | ModalSubmit, note: string) {
  const pending = await ctx.suggestions.pending(interaction.guildId);
  const next = reviewView(pending[0], pending.length);
  const view = { ...next, content: [note, next.content].filter(Boolean).join('\n') };
  if (interaction.isButton() || interaction.isFromMessage()) return interaction.update(view);
  return interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
}

async function pendingOne(ctx: Services, guild: string, id: number): Promise<Suggestion> {
  const found = await ctx.suggestions.get(guild, id);
  if (found?.status !== 'pending')
    throw new Refusal(`Suggestion #${id} was already handled. Run \`/prompts suggestions\` for the current queue.`);
  return found;
}

async function approve(ctx: Services, interaction: ButtonClick | ModalSubmit, id: number, edits?: SuggestionInput) {
  const result = await ctx.suggestions.approve(interaction.guildId, id, interaction.user.id, edits);
  if (!result.ok && result.reason === 'invalid') throw invalid(result.problems);
  if (!result.ok) return showNext(ctx, interaction, `Suggestion #${id} was already handled.`);
  await tellAuthor(ctx, interaction.client, interaction.guildId, result.suggestion);
  return showNext(ctx, interaction, `Approved #${id}: it is posted before the bundle's prompts, credited to its author.`);
}

export const suggestSubcommands = {
  suggest: {
    cooldown: 10,
    run: (_ctx: Services, interaction: SlashInteraction) => interaction.showModal(suggestionModal()),
  },
  suggestions: {
    ...MODERATOR,
    run: async (ctx: Services, interaction: SlashInteraction) => {
      const pending = await ctx.suggestions.pending(interaction.guildId);
      return interaction.reply({ ...reviewView(pending[0], pending.length), flags: MessageFlags.Ephemeral });
    },
  },
};

export const suggestComponents = [
  modal(suggestFormId, FIELDS, async (ctx, interaction, fields) => {
    const result = await ctx.suggestions.suggest(interaction.guildId, interaction.user.id, inputOf(fields));
    if (!result.ok && result.reason === 'invalid') throw invalid(result.problems);
    if (!result.ok) throw new Refusal('You already have 3 suggestions waiting for a moderator. Try again once they are reviewed.');
    return interaction.reply(
      ephemeral(`Thanks: suggestion #${result.suggestion.id} is waiting for a moderator. You will hear whether it is approved.`),
    );
  }),
  button(approveId, (ctx, interaction, { id }) => approve(ctx, interaction, id), MODERATOR),
  button(
    editId,
    async (ctx, interaction, { id }) => interaction.showModal(suggestionModal(await pendingOne(ctx, interaction.guildId, id))),
    MODERATOR,
  ),
  modal(editFormId, FIELDS, (ctx, interaction, { id, ...fields }) => approve(ctx, interaction, id, inputOf(fields)), MODERATOR),
  button(
    declineId,
    async (ctx, interaction, { id }) => interaction.showModal(declineModal(await pendingOne(ctx, interaction.guildId, id))),
    MODERATOR,
  ),
  modal(
    declineFormId,
    [DECLINE_REASON],
    async (ctx, interaction, { id, reason }) => {
      const declined = await ctx.suggestions.decline(interaction.guildId, id, interaction.user.id, reason);
      if (!declined) return showNext(ctx, interaction, `Suggestion #${id} was already handled.`);
      await tellAuthor(ctx, interaction.client, interaction.guildId, declined);
      return showNext(ctx, interaction, `Declined #${id}; its author is told${declined.reason ? ' the reason' : ''} privately.`);
    },
    MODERATOR,
  ),
];
