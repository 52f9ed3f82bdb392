import { ActionRowBuilder, type APIEmbed, StringSelectMenuBuilder } from 'discord.js';
import type { Content } from '../../content/content.js';
import { limits } from '../../content/limits.js';
import type { Claim, Section, Verdict } from '../../content/schema.js';
import type { ClaimDecision } from '../../content/search.js';
import { noMentions, truncate } from '../reply.js';
import { openClaimId } from '../studyIds.js';
import { BRAND_COLOUR } from './help.js';
import { fitLines, type MessageView } from './quiz.js';
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

/** A claim card: verdict badge, explanation, evidence with source links and where the bundle covers it. */
function cardEmbed(content: Content, claim: Claim, asked: string | undefined): APIEmbed {
  const head = [asked === undefined ? undefined : said(asked), `**${verdictBadges[claim.verdict]}**`, claim.explanation];
  const top = head.filter(Boolean).join('\n\n');
  const room = limits.embedDescription - top.length - '\n\n**Evidence**\n'.length;
  const sections = claim.sections.flatMap((id) => content.sections.get(id) ?? []);
  return {
    title: truncate(claim.claim, limits.embedTitle),
    color: verdictColours[claim.verdict],
    description: `${top}\n\n**Evidence**\n${fitLines(evidenceLines(content, claim), room)}`,
    fields: sections.length > 0 ? [{ name: 'Read more', value: fitLines(sectionLines(sections), limits.embedField) }] : [],
    footer: { text: `Claim card ${claim.id} · study bundle v${content.version}` },
  };
}

/** The answer to /claim: the best card, and a menu of up to four other close claims. */
export function claimView(content: Content, decision: ClaimDecision & { match: NonNullable<ClaimDecision['match']> }): MessageView {
  const others = decision.alternatives.map(({ item }) => item);
  const menu = new StringSelectMenuBuilder()
    .setCustomId(openClaimId.encode({}))
    .setPlaceholder('Not quite it? Other close claims')
    .addOptions(
      others.map((claim) => ({
        label: truncate(claim.claim, limits.selectOption),
        description: verdictBadges[claim.verdict],
        value: claim.id,
      })),
    );
  return {
    embeds: [cardEmbed(content, decision.match.item, decision.query)],
    components: others.length > 0 ? [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] : [],
    allowedMentions: noMentions,
  };
}

/** A card opened from the menu of close claims. */
export function claimCardView(content: Content, claim: Claim): MessageView {
  return { embeds: [cardEmbed(content, claim, undefined)], components: [], allowedMentions: noMentions };
}

/** Nothing is close enough: say so plainly and point at the sections nearest the question. */
export function notCoveredView(decision: ClaimDecision): MessageView {
  const related = decision.related.length > 0 ? `Sections that may help:\n${sectionLines(decision.related).join('\n')}` : '';
  const embed: APIEmbed = {
    title: 'The study bundle does not cover this',
    color: BRAND_COLOUR,
    description: truncate(
      [
        said(decision.query),
        'No claim card in the bundle matches this closely enough, so there is no verdict to give. It may be outside what the group is studying, or worded very differently from the cards.',
        related || 'Run `/summary` for the table of contents.',
      ].join('\n\n'),
      limits.embedDescription,
    ),
  };
  return { embeds: [embed], components: [], allowedMentions: noMentions };
}

export const claimLengthMessage = (length: number) =>
  `Give me ${CLAIM_TEXT.min} to ${CLAIM_TEXT.max} characters: the claim in a sentence, as someone said it (yours had ${length}).`;
