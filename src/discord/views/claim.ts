import { ActionRowBuilder, StringSelectMenuBuilder } from '@discordjs/builders';
import type { APIEmbed } from 'discord.js';
import type { ClaimDecision, ClaimOutcome } from '../../content/claims/judge.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { Claim, Section, Verdict } from '../../content/schema.js';
import { noMentions, truncate } from '../reply.js';
import { openClaimId } from '../studyIds.js';
import { BRAND_COLOUR, fitLines, type MessageView } from './parts.js';
import { shownUserText } from './userText.js';

/** What /claim accepts: a sentence, not a word and not an essay. */
export const CLAIM_TEXT = { min: 3, max: 300 } as const;

export const verdictBadges: Record<Verdict, string> = {
  supported: '✅ Supported',
  contested: '⚖️ Contested',
  misleading: '⚠️ Misleading',
  unsupported: '❌ Unsupported',
  open: '❓ Open question',
};

const verdictColours: Record<Verdict, number> = {
  supported: 0x57f287,
  contested: 0xfee75c,
  misleading: 0xe67e22,
  unsupported: 0xed4245,
  open: 0x5865f2,
};

const QUOTE_MAX = 320;
const said = (text: string) => `> “${shownUserText(text, QUOTE_MAX)}”`;

function evidenceLines(content: Content, claim: Claim): string[] {
  return claim.evidence.map(({ source, point }) => {
    const found = content.sources.get(source);
    const cite = found ? `[${truncate(found.title.replace(/[[\]]/g, ''), 100)}](${found.url})` : source;
    return `• ${point} (${cite})`;
  });
}

const sectionLines = (sections: readonly Section[]) =>
  sections.map((section) => `${section.order}. ${section.title} · \`/summary section:${section.id}\``);

type VerdictOutcome = Extract<ClaimOutcome, { kind: 'verdict' }>;

/** What was judged: the card's claim, and when the member said something else, what and why. */
function judgedLines(outcome: VerdictOutcome): string[] {
  const card = `*${outcome.claim.claim}*`;
  if (outcome.relation === 'same') return [`This is the claim card: ${card}`];
  const how = outcome.relation === 'opposite' ? 'says the opposite of' : 'changes a detail of';
  return [`What you quoted ${how} the claim card: ${card}`, `**About what you quoted:** ${outcome.why ?? outcome.judged}`];
}

/** A claim card: verdict badge, explanation, evidence with source links and where the bundle covers it. */
function cardEmbed(content: Content, claim: Claim, verdict: Verdict, head: readonly string[]): APIEmbed {
  const top = [...head, claim.explanation].join('\n\n');
  const room = limits.embedDescription - top.length - '\n\n**Evidence**\n'.length;
  const sections = claim.sections.flatMap((id) => content.sections.get(id) ?? []);
  return {
    title: truncate(claim.claim, limits.embedTitle),
    color: verdictColours[verdict],
    description: `${top}\n\n**Evidence**\n${fitLines(evidenceLines(content, claim), room)}`,
    fields: sections.length > 0 ? [{ name: 'Read more', value: fitLines(sectionLines(sections), limits.embedField) }] : [],
    footer: { text: `Claim card ${claim.id} · study bundle v${content.version}` },
  };
}

function claimMenu(claims: readonly Claim[], placeholder: string) {
  const menu = new StringSelectMenuBuilder()
    .setCustomId(openClaimId.encode({}))
    .setPlaceholder(placeholder)
    .addOptions(
      claims.map((claim) => ({
        label: truncate(claim.claim, limits.selectOption),
        description: `Card: ${verdictBadges[claim.verdict]}`,
        value: claim.id,
      })),
    );
  return claims.length > 0 ? [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] : [];
}

/** The answer to /claim: a verdict on the member's words, "not sure which claim", or "not covered". */
export function claimReply(content: Content, decision: ClaimDecision): MessageView {
  const { outcome } = decision;
  if (outcome.kind === 'not-covered') return notCoveredView(decision.query, outcome.related);
  if (outcome.kind === 'unsure') return unsureView(decision.query, outcome.candidates, outcome.asks);
  const head = [said(decision.query), `**${verdictBadges[outcome.verdict]}**`, ...judgedLines(outcome)];
  return {
    embeds: [cardEmbed(content, outcome.claim, outcome.verdict, head)],
    components: claimMenu(
      decision.alternatives.map(({ item }) => item),
      'Not quite it? Other close claims',
    ),
    allowedMentions: noMentions,
  };
}

/** A card opened from a menu of claims: the card's own verdict on its own claim. */
export function claimCardView(content: Content, claim: Claim): MessageView {
  return {
    embeds: [cardEmbed(content, claim, claim.verdict, [`**${verdictBadges[claim.verdict]}**`])],
    components: [],
    allowedMentions: noMentions,
  };
}

/**
 * Near several cards, near one without saying the same thing, or a question asking for something: no verdict, the
 * closest cards to choose from.
 */
function unsureView(query: string, candidates: readonly Claim[], asks: boolean): MessageView {
  const embed: APIEmbed = {
    title: asks ? 'That asks a question rather than making a claim' : "I'm not sure which claim you mean",
    color: BRAND_COLOUR,
    description: truncate(
      [
        said(query),
        asks
          ? '/claim checks what someone said against the evidence; this asks for something the claim cards may not state, so I give no verdict. These claims are the closest: pick one to see what the evidence says, or put the claim you heard as a sentence.'
          : 'This is close to claims the study bundle covers, but I cannot tell which one it makes, or whether it says the same thing, so I give no verdict. Pick the claim you meant to see what the evidence says, or rephrase it.',
        candidates.map((claim) => `• ${claim.claim}`).join('\n'),
      ].join('\n\n'),
      limits.embedDescription,
    ),
  };
  return { embeds: [embed], components: claimMenu(candidates, 'Which claim did you mean?'), allowedMentions: noMentions };
}

/** Nothing is close enough: say so plainly and point at the sections nearest the question. */
function notCoveredView(query: string, related: readonly Section[]): MessageView {
  const pointers = related.length > 0 ? `Sections that may help:\n${sectionLines(related).join('\n')}` : '';
  const embed: APIEmbed = {
    title: 'The study bundle does not cover this',
    color: BRAND_COLOUR,
    description: truncate(
      [
        said(query),
        'No claim card in the bundle matches this closely enough, so there is no verdict to give. It may be outside what the group is studying, or worded very differently from the cards.',
        pointers || 'Run `/summary` for the table of contents.',
      ].join('\n\n'),
      limits.embedDescription,
    ),
  };
  return { embeds: [embed], components: [], allowedMentions: noMentions };
}

export const claimLengthMessage = (length: number) =>
  `Give me ${CLAIM_TEXT.min} to ${CLAIM_TEXT.max} characters: the claim in a sentence, as someone said it (yours had ${length}).`;
