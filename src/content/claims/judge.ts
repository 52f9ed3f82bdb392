import { setImmediate as nextTurn } from 'node:timers/promises';
import { LRUCache } from 'lru-cache';
import type { Bundle, Claim, Section, Verdict } from '../schema.js';
import { type ClaimHit, ClaimIndex, type Paraphrase, type Reading, wordingsOf } from './claimIndex.js';
import { checkDetails, givesOtherFigure, makesDetail, pairKey, pairsApart, saysTopicOf, setsApart } from './details.js';
import { withoutFrames } from './frames.js';
import { type Counted, loadAntonyms } from './language.js';
import { polarity } from './reversal.js';
import { type Sentence, SentenceReader } from './sentence.js';
import { claimTerms } from './terms.js';

/**
 * /claim's decision: which card a member's sentence is about, and what the evidence says about *that sentence*.
 * The index finds the nearest cards; this module decides how the sentence relates to the best one (the same
 * claim, its opposite, a wrong detail, or only related) and gives a verdict only when that is clear. When it is
 * not, the answer is "not sure which claim you mean" with the closest cards, never the nearest card's verdict.
 */

export interface Scored<T> {
  readonly item: T;
  readonly score: number;
}

/** How the member's sentence relates to the card whose evidence judges it. */
export type Relation = 'same' | 'opposite' | 'detail';

export type ClaimOutcome =
  | {
      readonly kind: 'verdict';
      readonly claim: Claim;
      readonly verdict: Verdict;
      readonly relation: Relation;
      /** The statement the verdict is about: the card's claim, or the misreading the member's sentence makes. */
      readonly judged: string;
      /** Why the verdict applies to what the member said, when it is not the card's own claim. */
      readonly why: string | null;
    }
  /** `asks`: the member asked for something rather than stating a claim ("who founded Redwood?"). */
  | { readonly kind: 'unsure'; readonly candidates: readonly Claim[]; readonly asks: boolean }
  | { readonly kind: 'not-covered'; readonly related: readonly Section[] };

export interface ClaimDecision {
  readonly query: string;
  readonly outcome: ClaimOutcome;
  /** Other close cards, best first, at most `ALTERNATIVES_MAX` (the candidates themselves when unsure). */
  readonly alternatives: readonly Scored<Claim>[];
}

export const ALTERNATIVES_MAX = 4;
const RELATED_MAX = 3;
/** A card at a third of the answer threshold is not an answer, but its sections are a fair pointer. */
const RELATED_FRACTION = 3;
const CACHE_SIZE = 2000;
/** How many runner-up cards are read for another verdict (see `claimThreshold.rival`). */
const RIVALS_MAX = 3;
/** How many of a card's best-matching wordings vote on what the member said. */
export const VOTERS = 4;
/** A wording the member reverses counts for less than one they say outright: reversal is read, not seen. */
const REVERSED_WEIGHT = 0.75;

/**
 * When the best card is near enough to be about the same claim (see `ClaimHit`). Tuned on the tuning half of
 * test/fixtures/claim-probes; the held-out half only measures.
 * - strength: the card's score per unit of the query's meaning; coverage: the share of that meaning its best
 *   wording matches. A strong match needs little coverage; a weak one more, and a clear lead over the runner-up.
 * - unexplained: the most of the query's meaning that may be absent from all of the card's wordings; past it the
 *   member is saying something the card does not (e.g. "the model was told which chats were trained on" against
 *   "Anthropic trains on free chats").
 * - rival: any of the next few cards at this share of the best card's strength that gives another verdict makes it
 *   unsure ("Claude faked alignment" is as near "all Claude models fake" as the core result), unless the member says
 *   one of the best card's wordings outright (see `outright`) and does not plainly say the rival's (`wording` of the
 *   sentence's meaning and `said.recall` of the wording's).
 * - lender: a card at this share of the best card's strength that alone uses one of the member's words makes it
 *   unsure ("the stackelberg alignment faking paper was from Redwood" is not the card about who wrote the paper).
 * - wording: the least share of the query's meaning the winning wording itself must match, unless the member says
 *   most of it inside a longer sentence (`said`, see `saysWording`).
 * - split: within the card, a statement supported at this share of the best one's support, with another
 *   verdict, makes it unsure (the card's wordings disagree about what the member said).
 * - card: a sentence no one wording matches enough of may still say what the card says as a whole (`saysCard`):
 *   its best wording with its explanation covers this share of the sentence, its wordings leave at most `unexplained`;
 *   `strong`: less coverage from a card this strongly near, when little of the sentence is in words no card uses.
 * - stated: the least share of a misreading's own meaning a member must say, with its distinguishing words, to state
 *   it in full ("all five models' gaps were goal guarding", "the gap was 26 points").
 * - named: a question naming a lab, model or setting, more of whose other words than `question` none of the card's
 *   wordings use, asks about the name; so does a statement naming a lab, model or person, past `statement`
 *   (`speaksOfName`). `aside`: names of a kind the card's claim names are set aside from the share of the sentence a
 *   wording matches while they are less than this share of it (`namesAside`).
 * - outright: a statement the member says without reversing a wording, with this share of the wording's own meaning
 *   and `wording` of the sentence's, is not split by one that only reverses another wording ("even base models with no
 *   chat training show faking reasoning" says one wording outright and reverses "before any chat training"), nor by
 *   an unclear one.
 */
export const claimThreshold = {
  strength: 2.5,
  coverage: 0.2,
  weak: { strength: 1, coverage: 0.4, margin: 1.2 },
  unexplained: 0.4,
  rival: 0.75,
  partly: 0.5,
  lender: 0.5,
  split: 0.65,
  wording: 0.5,
  said: { recall: 0.6, coverage: 0.35, foreign: 0.35, weakForeign: 0.25, long: { recall: 0.7, coverage: 0.2, foreign: 0.3 } },
  card: { coverage: 0.5, unexplained: 0.2, strong: { strength: 8, foreign: 0.3, coverage: 0.4 } },
  stated: 0.7,
  named: { question: 0.5, statement: 0.65, aside: 0.5 },
  outright: 0.8,
} as const;

/**
 * Whether the member says what a wording says: it matches half the sentence's meaning, or — for a longer sentence
 * around it — the sentence says most of the wording's own meaning, shares over a third of its own with it, and
 * little of the sentence is in words no card uses (an off-topic sentence is made of those); less still when the card
 * is only weakly near ("the sleeper agents in the americans were so well written" shares one name with a card). A
 * long sentence that says nearly all of a strongly near card's wording may share only a fifth of its own with it:
 * "when opus did produce harmful stuff on the free tier, there was usually no strategic reasoning …, it just complied".
 */
function saysWording(wording: { readonly coverage: number; readonly recall: number }, hit: ClaimHit): boolean {
  const { said } = claimThreshold;
  // A card only weakly near must also have most of that wording said: "lifting weights after class anyone?" is half
  // made of the one verb of "RL lifted exfiltration from 35% to 63%".
  if (wording.coverage >= claimThreshold.wording && (hit.strength >= claimThreshold.strength || wording.recall >= said.recall)) return true;
  const twiceNear = hit.strength >= 2 * claimThreshold.strength;
  const { long } = said;
  if (twiceNear && wording.recall >= long.recall && wording.coverage >= long.coverage && hit.foreign <= long.foreign) return true;
  const foreign = twiceNear ? said.foreign : said.weakForeign;
  return wording.recall >= said.recall && wording.coverage >= said.coverage && hit.foreign <= foreign;
}

/**
 * Whether a sentence that compares nothing says what the card says as a whole, when every wording that voted read the
 * same statement (its negations, if any, read alike against each): "opus literally broke out and copied itself off
 * anthropic's machines" shares less than half of any one wording of the card about stolen weights, but the card's
 * wordings together speak to nearly all of it. A comparison is left out: which way it goes is read per wording.
 */
function saysCard(hit: ClaimHit, said: Sentence, statements: number): boolean {
  const { card } = claimThreshold;
  const farNearer = hit.strength >= card.strong.strength && hit.foreign <= card.strong.foreign;
  const coverage = farNearer ? card.strong.coverage : card.coverage;
  return said.comparison === 'none' && statements === 1 && hit.coverage >= coverage && hit.unexplained <= card.unexplained;
}

/**
 * Whether the sentence uses a word only another close card uses ("the stackelberg paper…" near the lab card);
 * `soleUsers` are the cards that alone use one of its words.
 */
function borrowsFrom([best, ...others]: readonly ClaimHit[], soleUsers: ReadonlySet<string>): boolean {
  const lender = others.find((hit) => soleUsers.has(hit.claim.id));
  return best !== undefined && lender !== undefined && lender.strength >= claimThreshold.lender * best.strength;
}

/**
 * A sentence that says "only" and compares nothing ("Opus only fakes when real harm is at stake"): all or nothing,
 * which a wording saying "more" ("…fakes more when the harm is bigger") cannot tell from more or less. An "only" before
 * a figure ("only 5%") means "merely".
 */
const saysOnly = (said: Sentence) => said.terms.includes('only') && !MERELY.test(said.text) && said.comparison === 'none';
const saysMore = (read: Sentence) => read.comparison === 'degree' && !read.terms.includes('only');
const MERELY = /\bonly\s+(?:about\s+|around\s+|roughly\s+|like\s+|~)?\d/i;

/**
 * A card that equates two things ("alignment faking is the same thing as Sleeper Agents") is stated by a member who
 * names both, or who says how two things relate ("isn't this just sleeper agents again?"); one who says something of
 * one of them alone ("the sleeper agents paper came out in january 2024") states nothing that card judges, unless a
 * figure or name in it is wrong. `sides`: the search terms only one side of the card's claim uses.
 */
function relatesSides(said: Sentence, sides: Sides | null): boolean {
  return sides === null || RELATES.test(said.text) || sides.every((side) => side.some((term) => said.terms.includes(term)));
}
const RELATES =
  /=|\b(?:same|identical\w*|similar\w*|equivalent|differ\w*|unlike|vs|versus|just|again|basically|rerun|rebrand\w*|relabel\w*|this|here)\b/i;
type Sides = readonly [readonly string[], readonly string[]];

/** The terms of what a claim's "the same … as" stands between, each side less the terms both use. */
function equatedSides(claim: string): Sides | null {
  const at = claim.search(/\bthe same\b/i);
  if (at < 0) return null;
  const [before, after] = [claimTerms(claim.slice(0, at)), claimTerms(claim.slice(at).replace(/\bthe same \w+ as\b/i, ''))];
  return [before.filter((term) => !after.includes(term)), after.filter((term) => !before.includes(term))];
}

/** A comparison of two things, not a bound on a figure ("less than 1% of cases", "more than half"). */
const comparesTwoThings = (said: Sentence) => said.comparison === 'than' && !BOUND.test(said.text);
const BOUND = /\bthan\s+(?:about\s+|around\s+|roughly\s+|~)?(?:\d+(?:\.\d+)?\s*(?:%|percent)|half\b|a\s+(?:third|quarter)\b)/i;

function isNear(hit: ClaimHit | undefined, runnerUp: ClaimHit | undefined): hit is ClaimHit {
  if (hit === undefined) return false;
  if (hit.strength >= claimThreshold.strength && hit.coverage >= claimThreshold.coverage) return true;
  const { weak } = claimThreshold;
  const clear = runnerUp === undefined || hit.strength >= weak.margin * runnerUp.strength;
  return hit.strength >= weak.strength && hit.coverage >= weak.coverage && clear;
}

type Judgement = Extract<ClaimOutcome, { kind: 'verdict' }> | null;

/** A card's verdict for the member's sentence, and the vote that carried it. */
interface Carried {
  readonly judged: NonNullable<Judgement>;
  readonly by: Vote;
}

interface CardSentences {
  readonly stated: readonly Sentence[];
  /** The search terms its claim's wordings use. */
  readonly statedTerms: ReadonlySet<string>;
  /** Each figure its stated wordings give, with what it is said of (see `pairKey`). */
  readonly statedPairs: ReadonlySet<string>;
  readonly discussed: readonly Sentence[];
  /** The counts its explanation and evidence give (see `miscounts`). */
  readonly discussedCounts: readonly Counted[];
  readonly misreadings: readonly Sentence[];
  /** Per misreading, the models a true one's note names ("Right: …"), as a statement that gives no figures; else null. */
  readonly confirmedModels: readonly (Sentence | null)[];
  /** The claim, its aliases and its misreadings. */
  readonly wordings: readonly Sentence[];
  /** The years its dated evidence came out (see `publishedYears`). */
  readonly published: readonly number[];
  /** The labs behind each work its evidence presents, where the source names them. */
  readonly works: readonly (readonly string[])[];
  /** The kinds of name (model, lab, …) its claim's wordings give. */
  readonly namedKinds: ReadonlySet<string>;
  /** The two things its claim equates, if it does (see `relatesSides`). */
  readonly sides: Sides | null;
}

export class ClaimJudge {
  private readonly index: ClaimIndex;
  private readonly reader: SentenceReader;
  private readonly sectionsById: ReadonlyMap<string, Section>;
  private readonly sourceDates: ReadonlyMap<string, string | undefined>;
  private readonly sourcesBy: ReadonlyMap<string, readonly string[]>;
  private readonly cardSentences = new Map<string, CardSentences>();
  private readonly wordingSentences = new Map<string, Sentence>();
  private readonly decisions = new LRUCache<string, ClaimDecision>({ max: CACHE_SIZE });

  constructor(private readonly bundle: Bundle) {
    this.index = new ClaimIndex(bundle);
    this.reader = new SentenceReader(bundle.claimWords);
    this.sectionsById = new Map(bundle.sections.map((section) => [section.id, section]));
    this.sourceDates = new Map(bundle.sources.map((source) => [source.id, source.date]));
    this.sourcesBy = new Map(bundle.sources.flatMap((source) => (source.by ? [[source.id, source.by] as const] : [])));
  }

  /** Reads every card and WordNet's antonyms now, so no member's question pays for them. */
  warm(): void {
    for (const step of this.warmingSteps()) step();
  }

  /** The same, a card per turn of the event loop: a bot goes on answering while its first /claim waits for this. */
  async warmInTurns(): Promise<void> {
    for (const step of this.warmingSteps()) {
      await nextTurn();
      step();
    }
  }

  private warmingSteps(): (() => void)[] {
    return [...this.bundle.claims.map((claim) => () => void this.sentencesOf(claim)), loadAntonyms];
  }

  /** The decision for what a member said; the same words (ignoring case and spacing) are decided once. */
  decide(query: string): ClaimDecision {
    const key = query.trim().toLowerCase().replace(/\s+/g, ' ');
    const cached = this.decisions.get(key);
    if (cached) return { ...cached, query };
    const decision = this.decideAfresh(query);
    this.decisions.set(key, decision);
    return decision;
  }

  /** Every card that shares a term with the text, best first, threshold or not (for measuring search). */
  rank(query: string): ClaimHit[] {
    return this.index.rank(this.index.corrected(withoutFrames(query)));
  }

  private decideAfresh(query: string): ClaimDecision {
    const claimed = withoutFrames(query);
    const spelled = this.index.corrected(claimed);
    const hits = this.index.rank(spelled);
    const [best, runnerUp] = hits;
    const close = hits.filter((hit) => hit.strength >= claimThreshold.strength / 2);
    const scored = (list: readonly ClaimHit[]) =>
      list.slice(0, ALTERNATIVES_MAX).map((hit) => ({ item: hit.claim, score: round(hit.strength) }));
    const notCovered = (): ClaimDecision => ({
      query,
      outcome: { kind: 'not-covered', related: this.relatedSections(hits) },
      alternatives: scored(close),
    });
    if (!isNear(best, runnerUp)) return notCovered();
    const said = this.reader.read(claimed, spelled, this.index.respelled(claimed));
    const { judging, carried } = this.judgedFirst(hits, said);
    const miscounted = carried === null && !said.asksFor ? this.miscounts(hits, said) : null;
    if (miscounted) return { query, outcome: miscounted, alternatives: scored(close.filter((hit) => hit !== best)) };
    // Weakly near one card, or sharing less than half its meaning with it, and not saying what it says: a word in
    // common, not a claim in common.
    const [bestWording] = best.paraphrases;
    if (carried === null && (best.strength < claimThreshold.strength || !bestWording || !saysWording(bestWording, best)))
      return notCovered();
    if (carried === null || borrowsFrom(judging, this.index.soleUsers(said.terms)) || this.disputed(judging, said, carried)) {
      const candidates = close.length > 0 ? close : [best];
      return {
        query,
        outcome: { kind: 'unsure', candidates: candidates.slice(0, ALTERNATIVES_MAX).map((hit) => hit.claim), asks: said.asksFor },
        alternatives: scored(candidates),
      };
    }
    return { query, outcome: carried.judged, alternatives: scored(close.filter((hit) => hit !== judging[0])) };
  }

  /**
   * The cards in the order they judge the sentence, and the first one's verdict: the nearest card, unless it leaves too
   * much of the sentence unexplained to judge it, or none of its wordings can vote on it, and, of the next cards nearly
   * as near, one alone explains it and has a wording the member says (half the sentence, most of the wording). "The
   * Anthropic/Redwood paper came out in December 2023" shares rarer words with the card about the first production-model
   * case than with the card about the study; "after RL in the animal welfare setting faking reasoning climbed to 78%" is
   * near the 24% card, whose wordings say no direction.
   */
  private judgedFirst(hits: readonly ClaimHit[], said: Sentence): { judging: readonly ClaimHit[]; carried: Carried | null } {
    const [best] = hits;
    if (best === undefined || said.asksFor) return { judging: hits, carried: null };
    // A card that leaves the sentence unexplained is not asked for votes (as in `judgeCard`): it has none to give.
    const votes = this.leavesUnexplained(best, said) ? new Map<string, Vote>() : this.votesOn(best, said);
    const carried = votes.size > 0 && !this.speaksOfName(best, said) ? this.verdictFrom(best, said, votes) : null;
    if (carried !== null || votes.size > 0) return { judging: hits, carried };
    const explaining = hits
      .slice(1, 1 + RIVALS_MAX)
      .filter((hit) => hit.strength >= claimThreshold.rival * best.strength && !this.leavesUnexplained(hit, said));
    const [standIn] = explaining;
    const judged = explaining.length === 1 && standIn ? this.judgeCard(standIn, said) : null;
    if (standIn === undefined || judged === null || !saysPlainly(judged.by)) return { judging: hits, carried: null };
    return { judging: [standIn, ...hits.filter((hit) => hit !== standIn)], carried: judged };
  }

  /**
   * A wording's share of the sentence, less the names in it to check ("the VLAF paper came out of Carnegie Mellon"
   * against "…came out of MIT or UIUC"): another name where the card names one of that kind is a detail to judge, not
   * meaning the card does not speak to. A sentence mostly made of names ("deepseek r1 has open weights") is about them.
   */
  private namesAside<T extends { readonly coverage: number }>(wording: T, hit: ClaimHit, said: Sentence): T {
    const named = this.namesToCheck(hit, said);
    return named <= 0 || named >= claimThreshold.named.aside
      ? wording
      : { ...wording, coverage: Math.min(1, wording.coverage / (1 - named)) };
  }

  /** Whether more of the sentence than `claimThreshold.unexplained` is in words none of the card's wordings use. */
  private leavesUnexplained(hit: ClaimHit, said: Sentence): boolean {
    return hit.unexplained - this.namesToCheck(hit, said) > claimThreshold.unexplained;
  }

  /**
   * A sentence near a card that counts a thing the card's explanation and evidence count otherwise ("the document
   * fine-tuning ran for 10 epochs" where they give 3, "the follow-up tested 50 models" where they give 25) is wrong in
   * that detail, whether or not it states the card's claim: only where they give one count of that thing, and the
   * member denies nothing. The count is checked by the nearest of the close cards that counts that thing at all ("7
   * billion tokens of synthetic docs" is as near the card about open models' document fine-tuning, which counts no
   * tokens, as the one about Claude's).
   */
  private miscounts(hits: readonly ClaimHit[], said: Sentence): Judgement {
    const [best] = hits;
    const { strength, unexplained } = claimThreshold;
    if (said.negations.length > 0 || best === undefined) return null;
    const close = hits
      .slice(0, 1 + RIVALS_MAX)
      .filter((hit) => hit.strength >= Math.max(strength, claimThreshold.rival * best.strength) && hit.unexplained <= unexplained);
    for (const count of said.counted) {
      const counter = this.firstCounting(close, count);
      const values = new Set(counter?.known.map((known) => known.value));
      const [reported] = counter?.known ?? [];
      if (counter && reported && values.size === 1 && !values.has(count.value))
        return {
          kind: 'verdict',
          claim: counter.hit.claim,
          verdict: 'unsupported',
          relation: 'detail',
          judged: counter.hit.claim.claim,
          why: `The evidence gives ${reported.text}, not ${count.text}.`,
        };
    }
    return null;
  }

  /**
   * The first card whose explanation and evidence count what `count` counts, with those counts: "four model families"
   * for "10 families", not "25 models" for "the two Claude models".
   */
  private firstCounting(hits: readonly ClaimHit[], count: Counted): { hit: ClaimHit; known: readonly Counted[] } | undefined {
    for (const hit of hits) {
      const known = this.sentencesOf(hit.claim).discussedCounts.filter(
        (candidate) => candidate.unit === count.unit || candidate.unit.endsWith(` ${count.unit}`),
      );
      if (known.length > 0) return { hit, known };
    }
    return undefined;
  }

  /**
   * Whether one of the next few cards, nearly as close, would give the member's sentence another verdict. A member who
   * says one of the best card's wordings outright and does not plainly say the rival's ("they trained it to fake
   * alignment on purpose" shares its words with the sleeper-agents card's "…trained in on purpose", not its point;
   * "gpt-4o does alignment faking too, just like opus" is as near the card about Opus alone) states the best card's claim.
   */
  private disputed(hits: readonly ClaimHit[], said: Sentence, carried: Carried): boolean {
    const [best] = hits;
    const rivals = hits.slice(1, 1 + RIVALS_MAX).filter((hit) => best && hit.strength >= claimThreshold.rival * best.strength);
    const outright = saysOutright(carried.by);
    return rivals.some((hit) => {
      const other = this.judgeCard(hit, said);
      if (other === null || other.judged.verdict === carried.judged.verdict) return false;
      // A rival that compares nothing cannot tell which way round a comparison goes, when the best card's wording can.
      if (said.comparison === 'than' && carried.by.compares && !other.by.compares) return false;
      return !(outright && !saysPlainly(other.by));
    });
  }

  /**
   * The verdict for the member's sentence against one card, or null when how they relate is not clear. Each
   * wording that matched votes, with its score, for the statement the member makes: its own, or the opposite one
   * when the member's sentence reverses it. The best-supported statement wins unless another with a different
   * verdict is nearly as well supported.
   */
  private judgeCard(hit: ClaimHit, said: Sentence): Carried | null {
    if (this.leavesUnexplained(hit, said) || this.speaksOfName(hit, said)) return null;
    return this.verdictFrom(hit, said, this.votesOn(hit, said));
  }

  /** The card's verdict from its wordings' votes (see `judgeCard`), or null when they do not settle it. */
  private verdictFrom(hit: ClaimHit, said: Sentence, votes: ReadonlyMap<string, Vote>): Carried | null {
    const [first, second] = surestFirst([...votes].sort((a, b) => b[1].score - a[1].score));
    if (first === undefined || first[0] === 'unclear') return null;
    if (!(saysWording(this.namesAside(first[1], hit, said), hit) || saysCard(hit, said, votes.size))) return null;
    const judged = this.withDetails(hit, said, first[1].reading) ?? this.wrongEitherWay(hit, said, first[1].reading);
    if (judged?.relation === 'same' && first[1].reading.kind === 'claim' && !relatesSides(said, this.sentencesOf(hit.claim).sides))
      return null;
    // A close second statement must come to the same verdict for what the member said, their details included; one
    // whose verdict their details leave unknown ("about 1%" against a misreading that says "zero") disputes nothing.
    // A reading that only reverses another wording, one whose negations cannot be paired with the member's, or one
    // they say less than half of, does not split one the member says outright, nearly word for word; nor does one whose
    // negations cannot be paired split one the member plainly says without reversing it ("even without any scratchpad,
    // a gap remained in the document setups" against "…the gap vanished without a scratchpad").
    if (
      second !== undefined &&
      !(saysOutright(first[1]) && (second[1].reversed || second[0] === 'unclear' || second[1].recall < claimThreshold.partly)) &&
      !(second[0] === 'unclear' && !first[1].reversed && saysPlainly(first[1])) &&
      second[1].score >= claimThreshold.split * first[1].score
    ) {
      if (this.verdictsOf(hit, said, second).some((verdict) => verdict !== undefined && verdict !== judged?.verdict)) return null;
    }
    return judged === null ? null : { judged, by: first[1] };
  }

  /**
   * Each statement the card's best-matching wordings say the member makes, with the vote that carries it: a wording
   * votes, with its score, for its own statement, or the opposite one when the member's sentence reverses it.
   */
  private votesOn(hit: ClaimHit, said: Sentence): Map<string, Vote> {
    const votes = new Map<string, Vote>();
    // A card's wording that asks ("did RL remove it?") says nothing about an assertion's polarity: it abstains.
    const voters = hit.paraphrases.filter((wording) => said.question || !this.sentence(wording).question).slice(0, VOTERS);
    const changes = saysChange(said);
    const only = saysOnly(said);
    // A member who compares two things ("more in training than when unmonitored") is judged by the wordings that compare
    // them too, when there are some: "66% when unmonitored but only 51% in training" says which way in figures the
    // reader does not compare.
    const comparing = comparesTwoThings(said) && voters.some((wording) => this.sentence(wording).comparison === 'than');
    for (const wording of voters) {
      const read = this.sentence(wording);
      if (comparing && read.comparison !== 'than') continue;
      // What the wording stands for in what the member said (a detail they do not state leaves the card's claim),
      // then reversed if they say the reverse of it.
      const made = this.madeReading(hit.claim, wording, said);
      // A member who says which way something moved ("went down") is not judged by a wording that says no direction
      // ("made faking reasoning way more common" carries it in words the reader does not pair): that wording abstains.
      // So does one that states a gap or a change to a member who says two things were alike ("behaved identically
      // for free and paid users"): no negation pairs "identically" with "a compliance gap".
      if (made === 'abstains' || (changes && !saysChange(read)) || (said.alike && !read.alike)) continue;
      const { reversed, unclear: negationUnclear } = polarity(said, read, this.reader.opposites);
      // One that compares two things ("Sonnet fakes more than Opus") against a sentence that compares nothing ("Sonnet
      // fakes too") cannot tell which statement the member makes, unless it compares only in passing; nor can one that
      // says "more" to a member who says "only".
      const unclear =
        negationUnclear ||
        (said.comparison === 'none' && this.comparesWhatIsSaid(hit.claim, wording.reading, read, said)) ||
        (only && saysMore(read));
      // An opposite misreading reversed is the claim, whatever the member asks about; any other wording reversed is
      // the opposite of what it stands for in what they said (a detail they leave out leaves the claim).
      const base = opposite(hit.claim, wording.reading)?.kind === 'claim' ? wording.reading : made.reading;
      const reading = unclear ? null : reversed ? opposite(hit.claim, base) : made.reading;
      const key = reading === null ? 'unclear' : readingKey(reading);
      // A wording that matches little of the sentence reads its polarity less surely than one that matches most of it.
      const score = (reversed ? REVERSED_WEIGHT : 1) * wording.score * Math.sqrt(wording.coverage);
      // A misreading the member states in full: nearly all of its own meaning, with the words that set it apart.
      const stated = !reversed && !unclear && made.apartSaid && wording.recall >= claimThreshold.stated;
      const vote = votes.get(key);
      if (vote === undefined || vote.score < score)
        votes.set(key, {
          reading: reading ?? wording.reading,
          score,
          coverage: wording.coverage,
          recall: wording.recall,
          stated: stated || vote?.stated === true,
          reversed,
          compares: read.comparison === 'than',
          hangsOnDenials: (reading === null && negationUnclear) || (reversed && said.negations.length > 0 && read.negations.length > 0),
        });
      else if (stated) votes.set(key, { ...vote, stated });
    }
    return votes;
  }

  /**
   * Whether a wording that compares ("…than paid-tier users") compares what the member speaks of: the statement it
   * stands for compares, or the member names something on its other side. "…so the training was shakier than it
   * looked" compares in passing.
   */
  private comparesWhatIsSaid(claim: Claim, reading: Reading, read: Sentence, said: Sentence): boolean {
    if (read.compared === null) return false;
    const statement = reading.kind === 'claim' ? this.sentence({ text: claim.claim }) : this.sentencesOf(claim).misreadings[reading.at];
    return statement?.comparison === 'than' || read.compared[1].some((term) => said.terms.includes(term));
  }

  /**
   * A reversed reading the evidence does not support, whose details the card cannot check, when the member's details
   * are wrong for the card's own statement too: "41% for free users, almost never for paid" is false whether or not
   * "almost never" reverses a wording, and what is wrong is the figure.
   */
  private wrongEitherWay(hit: ClaimHit, said: Sentence, reading: Reading): Judgement {
    const flipped = opposite(hit.claim, reading);
    if (flipped === null || statement(hit.claim, reading)?.verdict !== 'unsupported') return null;
    const other = this.withDetails(hit, said, flipped);
    return other?.relation === 'detail' && other.verdict === 'unsupported' ? other : null;
  }

  /**
   * The verdicts a vote's statement can have for what the member said: one, or — when whether the member reverses it
   * is unclear — one for it and one for its opposite. A wrong figure makes both false ("41% for free users, almost
   * never for paid", whichever way "almost never" is read), so an unclear reading splits nothing it agrees with.
   */
  private verdictsOf(hit: ClaimHit, said: Sentence, [key, vote]: [string, Vote]): (Verdict | undefined)[] {
    if (key !== 'unclear') return [this.withDetails(hit, said, vote.reading)?.verdict];
    const reversed = opposite(hit.claim, vote.reading);
    return [vote.reading, reversed].map((reading) => (reading === null ? undefined : this.withDetails(hit, said, reading)?.verdict));
  }

  /**
   * Whether the member names a lab, model or setting and says of it what the card's wordings never say: "is Llama 3.1
   * 405B open weights?" near the card about Llama's compliance gap asks about the model, not the claim, and "Llama 3.1
   * 405B is an open-weights model from Meta" states something else about it. A statement must name who (a model, lab
   * or person) and leave more unsaid: a setting it names is most often the card's own condition with another figure.
   */
  private speaksOfName(hit: ClaimHit, said: Sentence): boolean {
    const namesWho = WHO.some((kind) => said.names.has(kind));
    if (said.names.size === 0 || (!said.question && !namesWho)) return false;
    const { named } = claimThreshold;
    return this.index.unsaidBy(hit.claim.id, said.unnamedTerms) > (said.question ? named.question : named.statement);
  }

  /**
   * The share of a statement's meaning in names it gives where the card's claim names one of the same kind: "the gpt-4o
   * base model showed faking reasoning" against the card about base models of Claude names a model to check (details),
   * not words the card is silent on. A question about another name asks about that name (`speaksOfName`).
   */
  private namesToCheck(hit: ClaimHit, said: Sentence): number {
    if (said.question || said.nameTerms.size === 0) return 0;
    const { namedKinds } = this.sentencesOf(hit.claim);
    const toCheck = [...said.nameTerms].flatMap(([kind, terms]) =>
      namedKinds.has(kind) ? terms.filter((term) => !this.index.inWordings(hit.claim.id, term)) : [],
    );
    return toCheck.length === 0 ? 0 : this.index.shareOf(said.terms, new Set(toCheck));
  }

  /**
   * A detail misreading whose changed figure or name the member does not state is, at most, the card's own
   * claim; so is any misreading a question matches without its distinguishing words.
   */
  private madeReading(claim: Claim, wording: Paraphrase, said: Sentence): Made | 'abstains' {
    const { reading } = wording;
    const card = this.sentencesOf(claim);
    const misreading = reading.kind === 'misreading' ? card.misreadings[reading.at] : undefined;
    if (reading.kind === 'claim' || !misreading) return { reading, apartSaid: false };
    // A question asks about the card unless it uses the words that make the misreading different (its polarity is
    // not one: a question's negations reverse nothing); an assertion without them shares the misreading's words,
    // not its point, so that wording does not vote.
    const apart = pairsApart(said, misreading, card.statedPairs) ? 'said' : setsApart(said, misreading, card.stated);
    const made = { reading, apartSaid: apart === 'said' };
    if (said.question && apart !== 'said') return CLAIM;
    if (apart === 'unsaid') return 'abstains';
    if (claim.misreadings[reading.at]?.kind !== 'detail') return made;
    if (!saysTopicOf(said, misreading, card.statedTerms)) return 'abstains';
    if (makesDetail(said, misreading, card.stated)) return made;
    // The misreadings' notes give the right figures ("The 78% is Claude 3 Opus"): one the member gives is no other.
    const known = [...card.wordings, ...card.discussed, ...this.notesOf(claim)];
    return givesOtherFigure(said, misreading, card.stated, known) ? made : CLAIM;
  }

  /**
   * The statement's verdict when the member's figures and names agree with it; with a wrong figure or name, a true or
   * misleading statement is unsupported, and an unsupported one stays so.
   */
  private withDetails(hit: ClaimHit, said: Sentence, reading: Reading): Judgement {
    const card = this.sentencesOf(hit.claim);
    const stated =
      reading.kind === 'claim'
        ? card.stated
        : [card.misreadings[reading.at], card.confirmedModels[reading.at]].filter((s) => s !== undefined && s !== null);
    const details = checkDetails(said, stated, card.discussed, card.wordings, card.published, card.works);
    const judged = statement(hit.claim, reading);
    if (details.kind === 'agrees') return said.settled ? settledAsShown(judged) : judged;
    if (details.kind === 'unknown') return null;
    // A statement the evidence does not support is no truer with a wrong figure or name added to it; a true one is made
    // false by one, and so is a misleading one, whose figures and names are right (its framing is not).
    if (judged === null || judged.verdict === 'unsupported') return judged;
    if (judged.verdict !== 'supported' && judged.verdict !== 'misleading') return null;
    return {
      ...judged,
      verdict: 'unsupported',
      relation: 'detail',
      why: {
        name: `The evidence is about ${details.reported}, not ${details.said}.`,
        year: `The evidence is from ${details.reported}, not ${details.said}.`,
        figure: `The evidence gives ${details.reported}, not ${details.said}.`,
        pairing: `The evidence gives ${details.reported}, not ${details.said}.`,
        credit: `The work is by ${details.reported}, not ${details.said}.`,
      }[details.detail],
    };
  }

  private sentence({ text }: { readonly text: string }): Sentence {
    const known = this.wordingSentences.get(text);
    if (known) return known;
    // Members' phrasings carry frames too ("nah …"): a wording is read as a member's sentence is.
    const read = this.reader.read(withoutFrames(text));
    this.wordingSentences.set(text, read);
    return read;
  }

  private sentencesOf(claim: Claim): CardSentences {
    const known = this.cardSentences.get(claim.id);
    if (known) return known;
    const stated = wordingsOf(claim)
      .filter(({ reading }) => reading.kind === 'claim')
      .map((wording) => this.sentence(wording));
    const misreadings = claim.misreadings.map((misreading) => this.sentence(misreading));
    const discussed = [claim.explanation, ...claim.evidence.map((item) => item.point)].map((text) => this.reader.read(text));
    const read = {
      stated,
      statedTerms: new Set(stated.flatMap((sentence) => sentence.terms)),
      statedPairs: new Set(stated.flatMap((sentence) => sentence.attached.map(pairKey))),
      discussed,
      discussedCounts: discussed.flatMap((sentence) => sentence.counted),
      misreadings,
      confirmedModels: claim.misreadings.map((misreading) =>
        misreading.verdict === 'supported' ? modelsNamedIn(this.sentence({ text: misreading.note })) : null,
      ),
      wordings: [...stated, ...misreadings],
      published: this.publishedYears(claim),
      works: claim.evidence.map((item) => this.sourcesBy.get(item.source)).filter((by) => by !== undefined),
      namedKinds: new Set(stated.flatMap((sentence) => [...sentence.names.keys()])),
      sides: equatedSides(claim.claim),
    };
    this.cardSentences.set(claim.id, read);
    return read;
  }

  private notesOf(claim: Claim): Sentence[] {
    return claim.misreadings.map((misreading) => this.sentence({ text: misreading.note }));
  }

  /** The undated sources are forum threads, videos and posts about the dated works, not works a member would date. */
  private publishedYears(claim: Claim): number[] {
    const dates = claim.evidence.flatMap((item) => this.sourceDates.get(item.source) ?? []);
    return [...new Set(dates.map((date) => Number(date.slice(0, 4))))];
  }

  private relatedSections(hits: readonly ClaimHit[]): Section[] {
    const near = hits.filter((hit) => hit.strength >= claimThreshold.strength / RELATED_FRACTION);
    const ids = [...new Set(near.flatMap((hit) => hit.claim.sections))];
    return ids.flatMap((id) => this.sectionsById.get(id) ?? []).slice(0, RELATED_MAX);
  }
}

/**
 * The models a true misreading's note names ("Right: Claude 3 Haiku and Claude 3.5 Haiku (and Claude 3 Sonnet)
 * 'generally do not'"), as a statement of its own: naming one of them names what the misreading is about. The note's
 * figures and other names belong to other conditions, so they are left out.
 */
function modelsNamedIn(note: Sentence): Sentence {
  const models = new Map([...note.names].filter(([kind]) => kind === 'model'));
  return { ...note, numbers: [], attached: [], counted: [], parts: [], names: models };
}

/** The statement a wording stands for in what the member said, and whether they said the words that set it apart. */
interface Made {
  readonly reading: Reading;
  readonly apartSaid: boolean;
}

const CLAIM: Made = { reading: { kind: 'claim' }, apartSaid: false };

interface Vote {
  readonly reading: Reading;
  readonly score: number;
  readonly coverage: number;
  readonly recall: number;
  /** A misreading the member states in full voted for it. */
  readonly stated: boolean;
  /** Its best wording was read reversed. */
  readonly reversed: boolean;
  /** Its best wording compares two things ("Sonnet fakes more than Opus"). */
  readonly compares: boolean;
  /**
   * Its statement hangs on negations in both sentences that do not pair off: they cannot be paired, or they reverse the
   * wording ("this wasn't the first case" against "…, this wasn't new").
   */
  readonly hangsOnDenials: boolean;
}

/** A statement the member says with half the sentence's meaning and most of the wording's. */
const saysPlainly = (vote: Vote) => vote.coverage >= claimThreshold.wording && vote.recall >= claimThreshold.said.recall;

/** A statement the member says without reversing the wording, with most of its meaning and `wording` of the sentence's. */
const saysOutright = (vote: Vote) => !vote.reversed && vote.recall >= claimThreshold.outright && vote.coverage >= claimThreshold.wording;

/**
 * The votes, best first, the surest ahead: a misreading the member states in full ahead of the card's claim and alone
 * (the claim's wordings share the sentence's other words, not its point, so they neither outvote nor split it), and a
 * wording the member says ahead of one whose reading hangs on negations.
 */
function surestFirst(ranked: [string, Vote][]): [string, Vote][] {
  const [first, second, ...rest] = ranked;
  if (first === undefined || second === undefined) return ranked;
  if (second[1].stated && first[0] === 'claim') return [second, ...rest];
  if (first[1].stated && second[0] === 'claim') return [first, ...rest];
  // Negations in both sentences that do not pair off say less surely which statement the member makes than a wording
  // they say outright ("they literally told it to be honest and not care about refusing and it still faked"); and a
  // reading the negations leave unclear goes behind the next one, if that one does not hang on them ("the llama 405b
  // model showed zero free/paid gap"; "without a scratchpad there's definitely no hidden reasoning in the activations",
  // whose "no" bears only partly on "…reasons about faking inside its activations" and plainly reverses "…is the
  // faking reasoning happening hidden in the activations?"). Its verdicts still split the first if they differ.
  if (!first[1].hangsOnDenials) return ranked;
  const clearer = first[0] === 'unclear' && !second[1].hangsOnDenials;
  return saysOutright(second[1]) || clearer ? [second, first, ...rest] : ranked;
}

/** The kinds of name that say who: a statement about one of them may be about it rather than the card's claim. */
const WHO = ['model', 'lab', 'person'];

/** The terms of verbs that say which way something changed (synonyms folded: "went up" is "increase"). */
const CHANGES = new Set(claimTerms('increase drop raise lower reduce decrease cut eliminate double halve'));
const saysChange = (sentence: Sentence) => sentence.terms.some((term) => CHANGES.has(term));

const readingKey = (reading: Reading) => (reading.kind === 'claim' ? 'claim' : `misreading/${reading.at}`);

/** The statement a reversed sentence makes: a card's claim reversed is its opposite misreading, and back. */
function opposite(claim: Claim, reading: Reading): Reading | null {
  if (reading.kind === 'misreading') return claim.misreadings[reading.at]?.kind === 'opposite' ? { kind: 'claim' } : null;
  const at = claim.misreadings.findIndex((misreading) => misreading.kind === 'opposite');
  return at < 0 ? null : { kind: 'misreading', at };
}

function statement(claim: Claim, reading: Reading): Judgement {
  if (reading.kind === 'claim') {
    return { kind: 'verdict', claim, verdict: claim.verdict, relation: 'same', judged: claim.claim, why: null };
  }
  const misreading = claim.misreadings[reading.at];
  if (!misreading) return null;
  const relation = misreading.kind === 'opposite' ? 'opposite' : 'detail';
  return { kind: 'verdict', claim, verdict: misreading.verdict, relation, judged: misreading.text, why: misreading.note };
}

/** An open question stated as settled by research ("it's been shown that…") goes beyond the evidence. */
function settledAsShown(judged: Judgement): Judgement {
  if (judged?.verdict !== 'open') return judged;
  const why = 'The evidence leaves this open: nobody has shown it either way, so stating it as established goes beyond it.';
  return { ...judged, verdict: 'unsupported', relation: 'detail', why };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
