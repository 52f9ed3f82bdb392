import { isYear, type NumberMention, numberOfWord, SMALL_NUMBER_WORDS } from './language.js';
import type { Attachment, Sentence } from './sentence.js';

/**
 * The details a member states against a claim card: figures, names, shares in words and what each figure is said
 * of; and whether they make a misreading rather than only sharing its words.
 */

export type DetailCheck =
  | { readonly kind: 'agrees' }
  /** The member states a figure or name where the card states another: `reported` is the card's. */
  | {
      readonly kind: 'differs';
      readonly detail: 'figure' | 'name' | 'pairing' | 'year' | 'credit';
      readonly said: string;
      readonly reported: string;
    }
  /** The member names something the card neither states nor rules out. */
  | { readonly kind: 'unknown' };

/** Percentages within half a point are the same figure said two ways (11.9% and "about 12%"). */
const PERCENT_TOLERANCE = 0.6 + Number.EPSILON * 100;

/** Percentage points between a member's figure and the card's for it to be a different figure, not a rounding. */
const CLEARLY_APART = 3;

/** A bare number ("like 78") may be the card's percentage; a stated percentage is not a count. */
const comparable = (said: NumberMention, known: NumberMention) => !said.percent || known.percent;

const sameFigure = (said: NumberMention, known: NumberMention) =>
  comparable(said, known) && Math.abs(said.value - known.value) <= (known.percent ? PERCENT_TOLERANCE : 0);

/**
 * The member's figures and names against a statement: `stated` are its own wordings, `discussed` the card's
 * explanation and evidence, `wordings` every wording of the card (claim, aliases, misreadings; `stated` among them).
 * A figure some wording of the card gives agrees (the member may quote a condition's figure); one only the
 * explanation or evidence gives leaves the relation unknown. Percentages the card never mentions, each clearly apart
 * from the nearest its statement gives, differ; any other unknown figure, or a lab or model the card never
 * names where it names others, leaves the relation unknown: a card names several labs and models in different roles,
 * so only a declared misreading can say that a swapped name is wrong. `published` are the years the card's dated
 * evidence came out: a year the member gives that is none of them is wrong (one that is confirms nothing: the member
 * may be dating something else). `works` are the labs behind each work its evidence presents: a lab the member credits
 * with the work that is behind none of them is wrong, and one behind every one of them is right.
 */
export function checkDetails(
  said: Sentence,
  stated: readonly Sentence[],
  discussed: readonly Sentence[],
  wordings: readonly Sentence[] = stated,
  published: readonly number[] = [],
  works: readonly (readonly string[])[] = [],
): DetailCheck {
  const everyFigure = [...stated, ...discussed].flatMap((sentence) => sentence.numbers);
  const unknown = said.numbers.filter((figure) => !everyFigure.some((known) => sameFigure(figure, known)));
  const share = shareApart(said, stated);
  if (share) return share;
  const measured = otherMeasuredFigure(said, stated);
  if (measured) return measured;
  if (unknown.length > 0) return everyFigureDiffers(unknown, said, stated, published) ?? { kind: 'unknown' };
  const different =
    strangerName(said, stated, discussed) ??
    miscredited(said, works) ??
    swappedFigure(said, stated, discussed) ??
    quantityApart(said, stated);
  if (different) return different;
  // The explanation and evidence quote the figures of other conditions ("7% under the OpenAI swap"): a figure only they
  // give may be put on the wrong one, so it confirms nothing.
  const worded = wordings.flatMap((sentence) => sentence.numbers);
  if (said.numbers.some((figure) => !worded.some((known) => sameFigure(figure, known)))) return { kind: 'unknown' };
  for (const [kind, names] of said.names) {
    // A card that names a lab or model in its statement is about that one; elsewhere it may name others in passing.
    // A lab or person it never names at all may be right or wrong ("the game-theory paper came out of Redwood"): the
    // card cannot tell. (A model it never names is most often the study's own, named where the card says "Claude".)
    // "The prompt" and "the documents" come up around most claims about either route: only a figure put on the wrong
    // one (above) is a detail to judge. A model that one of the card's own wordings names ("Sonnet 3.5 out-faked
    // Opus") plays a role the card speaks to: naming it leaves the statement to be judged, not unknown.
    const statedNames = named(stated, kind);
    const statedOrDiscussed = statedNames.size > 0 ? statedNames : named(discussed, kind);
    const known = kind === 'model' ? new Set([...statedOrDiscussed, ...named(wordings, kind)]) : statedOrDiscussed;
    // Unless the member puts it in place of one the statement names ("Claude 3 Haiku fakes more than Opus" against
    // "Claude 3.5 Sonnet fakes more than Opus"): that is another statement, whichever wording names it.
    if (kind === 'model' && said.comparison === 'than' && putsInPlace(said, names, statedNames)) return { kind: 'unknown' };
    const others = [...names].filter((name) => !known.has(name));
    if (kind === 'route' || others.length === 0 || contrasts(said, names, statedNames, others)) continue;
    if (known.size > 0 || kind === 'lab' || kind === 'person') return { kind: 'unknown' };
  }
  return { kind: 'agrees' };
}

/** A name the statement does not give, said where one the statement gives is not. */
const putsInPlace = (said: Sentence, names: ReadonlySet<string>, statedNames: ReadonlySet<string>) =>
  [...names].some((name) => !statedNames.has(name) && !said.deniedNames.has(name)) && [...statedNames].some((name) => !names.has(name));

/** "Anthropic and Redwood, not OpenAI": the statement's own name said, every other one denied. */
const contrasts = (said: Sentence, names: ReadonlySet<string>, statedNames: ReadonlySet<string>, others: readonly string[]) =>
  [...names].some((name) => statedNames.has(name)) && others.every((name) => said.deniedNames.has(name));

/**
 * The figures the card never mentions, each clearly apart from the nearest of its kind the statement gives: the first
 * is the wrong detail ("ranged from 40% to 80%" where the card gives 11% to 26%). One the statement comes near may be
 * a figure of another condition, so it leaves the relation unknown.
 */
function everyFigureDiffers(
  unknown: readonly NumberMention[],
  said: Sentence,
  stated: readonly Sentence[],
  published: readonly number[],
): DetailCheck | undefined {
  const differences = unknown.map((figure) => differentFigure(figure, said, stated) ?? wrongYear(figure, stated, published));
  // One end of a range clearly apart makes it another range ("6 to 14%" where the card gives 7% to 24%).
  const differs = (figure: NumberMention) => unknown.some((other, at) => differences[at] !== undefined && other.text === figure.text);
  return unknown.every(differs) ? differences.find((difference) => difference !== undefined) : undefined;
}

type FigureKind = 'percent' | 'year' | 'count';
const figureKind = (figure: NumberMention): FigureKind => (figure.percent ? 'percent' : isYear(figure.value) ? 'year' : 'count');
const shown = (figure: NumberMention) =>
  figure.percent ? `${figure.value}%` : figure.value >= 10_000 ? figure.value.toLocaleString('en-US') : String(figure.value);

/**
 * The one figure the card never mentions, against the nearest of its kind the statement gives: a percentage
 * clearly apart, another year, or another count when both the member and the statement give a single count
 * ("tested 50 models" where the card says 25; "15 of 25" is left alone).
 */
function differentFigure(figure: NumberMention, said: Sentence, stated: readonly Sentence[]): DetailCheck | undefined {
  const kind = figureKind(figure);
  const candidates = stated.flatMap((sentence) => sentence.numbers).filter((known) => figureKind(known) === kind);
  if (kind === 'count' && (said.numbers.length !== 1 || new Set(candidates.map(({ value }) => value)).size !== 1)) return undefined;
  const [reported] = candidates.sort((a, b) => Math.abs(a.value - figure.value) - Math.abs(b.value - figure.value));
  const apart = reported !== undefined && Math.abs(reported.value - figure.value) >= (kind === 'percent' ? CLEARLY_APART : 1);
  return apart ? { kind: 'differs', detail: 'figure', said: shown(figure), reported: shown(reported) } : undefined;
}

/**
 * A year the card's evidence did not come out in, where its statement gives no year of its own: "the December 2023
 * paper" about work published in 2024.
 */
function wrongYear(figure: NumberMention, stated: readonly Sentence[], published: readonly number[]): DetailCheck | undefined {
  const statesYear = stated.some((sentence) => sentence.numbers.some((known) => figureKind(known) === 'year'));
  if (figureKind(figure) !== 'year' || statesYear || published.length === 0 || published.includes(figure.value)) return undefined;
  const [nearest] = [...published].sort((a, b) => Math.abs(a - figure.value) - Math.abs(b - figure.value));
  return { kind: 'differs', detail: 'year', said: String(figure.value), reported: String(nearest) };
}

/** How many of a whole, against the statement's count of the same whole: "7 of the 25 models" where it says 5 of 25. */
function shareApart(said: Sentence, stated: readonly Sentence[]): DetailCheck | undefined {
  const reported = stated.flatMap((sentence) => sentence.parts);
  for (const { part, whole } of said.parts) {
    const known = reported.find((figure) => figure.whole === whole);
    if (known && known.part !== part)
      return { kind: 'differs', detail: 'figure', said: `${part} of ${whole}`, reported: `${known.part} of ${whole}` };
  }
  return undefined;
}

/** Share words that say how many, and the percentages they allow ("most of" is over half, "half of" about half). */
const QUANTITIES: readonly { readonly pattern: RegExp; readonly from: number; readonly to: number }[] = [
  {
    pattern:
      /\b(?:most|(?:the|a) (?:(?:large|vast|great|clear|overwhelming) )?majority) of\b|\bmostly\b|(?<!\b(?:the|at)\s+)\bmost\s+(?!(?:likely|probably|of)\b)/i,
    from: 50,
    to: 100,
  },
  { pattern: /\b(?:under|below|less than|fewer than) half\b/i, from: 0, to: 50 },
  { pattern: /\b(?:over|above|more than) half\b/i, from: 50, to: 100 },
  { pattern: /\b(?:about |around |roughly )?half (?:of )?(?:the )?\b/i, from: 35, to: 65 },
  { pattern: /\b(?:almost all|nearly all|virtually all) (?:of )?\b/i, from: 85, to: 100 },
  { pattern: /\b(?:rarely|seldom|a few of|only a few)\b/i, from: 0, to: 20 },
  { pattern: /\b(?:a|one) quarter of\b/i, from: 18, to: 32 },
  { pattern: /\b(?:a|one) third of\b/i, from: 26, to: 40 },
  { pattern: /\btwo thirds of\b/i, from: 60, to: 73 },
  { pattern: /\bthree quarters of\b/i, from: 68, to: 82 },
  { pattern: /\b(?:a|one) fifth of\b/i, from: 14, to: 26 },
  { pattern: /\b(?:an|one) eighth of\b/i, from: 8, to: 17 },
  { pattern: /\b(?:a|one) tenth of\b/i, from: 5, to: 15 },
];

/** "one in ten", "one case in eight", "three out of every four": a share as a ratio of small numbers. */
const RATIO = new RegExp(
  String.raw`\b(${SMALL_NUMBER_WORDS.join('|')}|\d)\s+(?:[a-z]+\s+)?(?:in|out of)\s+(?:every\s+)?(${SMALL_NUMBER_WORDS.join('|')}|20|twenty|\d)\b`,
  'i',
);
/** A ratio said in words is a rough share: "one in ten" allows 6% to 15%. */
const RATIO_SPREAD = { below: 0.6, above: 1.5 };

const smallNumber = (word: string) => numberOfWord(word) ?? 0;

/** The share a member says in words, and the percentages it allows. */
function quantityIn(text: string): { said: string; from: number; to: number } | undefined {
  const ratio = RATIO.exec(text);
  const [part, whole] = ratio ? [smallNumber(ratio[1] ?? ''), smallNumber(ratio[2] ?? '')] : [0, 0];
  if (ratio && part > 0 && part < whole) {
    const share = (100 * part) / whole;
    return { said: ratio[0], from: share * RATIO_SPREAD.below, to: Math.min(100, share * RATIO_SPREAD.above) };
  }
  for (const { pattern, from, to } of QUANTITIES) {
    const said = pattern.exec(text)?.[0].trim();
    if (said !== undefined) return { said, from, to };
  }
  return undefined;
}

/**
 * A share said in words against the one the claim states as a figure: "most of the scratchpads" where the claim
 * gives 12% is a wrong detail. Only when the member gives no figure and every percentage the claim states is outside
 * what the words allow.
 */
function quantityApart(said: Sentence, stated: readonly Sentence[]): DetailCheck | undefined {
  const quantity = quantityIn(said.text);
  const percents = stated.flatMap((sentence) => sentence.numbers).filter((known) => known.percent);
  // A count of a whole is a share too: "5 of the 25 models" is 20%.
  const shares = [
    ...percents.map((figure) => ({ value: figure.value, shown: shown(figure) })),
    ...stated
      .flatMap((sentence) => sentence.parts)
      .map(({ part, whole }) => ({ value: (100 * part) / whole, shown: `${part} of ${whole}` })),
  ];
  const [reported] = shares;
  if (!quantity || said.numbers.some((figure) => figure.percent) || reported === undefined) return undefined;
  if (shares.some(({ value }) => value >= quantity.from && value <= quantity.to)) return undefined;
  return { kind: 'differs', detail: 'figure', said: `"${quantity.said}"`, reported: reported.shown };
}

const isMeasure = ({ kind }: Attachment) => kind === 'measure';

/**
 * The one percentage a member gives to what the statement measures (the gap, faking reasoning, compliance) where the
 * statement gives that measure one other figure: "the compliance gap in the main setup was 14%" against 11%, though
 * 14% is the card's compliance rate.
 */
function otherMeasuredFigure(said: Sentence, stated: readonly Sentence[]): DetailCheck | undefined {
  if (said.numbers.length !== 1) return undefined;
  const statedPairs = stated.flatMap((sentence) => sentence.attached).filter(isMeasure);
  for (const pair of said.attached.filter(isMeasure)) {
    const values = new Set(statedPairs.filter(({ label }) => label === pair.label).map(({ value }) => value));
    const [value] = values;
    if (values.size === 1 && value !== undefined && Math.abs(value - pair.value) >= CLEARLY_APART)
      return { kind: 'differs', detail: 'figure', said: `${pair.value}%`, reported: `${value}%` };
  }
  return undefined;
}

/**
 * A lab, model or setting the card never mentions, where its statement names another of the kind: a different one.
 * One the member denies ("…, not OpenAI") is not said to be anything.
 */
function strangerName(said: Sentence, stated: readonly Sentence[], discussed: readonly Sentence[]): DetailCheck | undefined {
  for (const [kind, names] of said.names) {
    const [reported] = named(stated, kind);
    const mentioned = new Set([...named(stated, kind), ...named(discussed, kind)]);
    const stranger = [...names].find((name) => !mentioned.has(name) && !said.deniedNames.has(name));
    if (reported !== undefined && stranger !== undefined) return { kind: 'differs', detail: 'name', said: stranger, reported };
  }
  return undefined;
}

/** A lab the member credits with the work, behind none of the works the card's evidence presents. */
function miscredited(said: Sentence, works: readonly (readonly string[])[]): DetailCheck | undefined {
  if (works.length === 0) return undefined;
  const wrong = [...said.credited].find((lab) => !said.deniedNames.has(lab) && works.every((by) => !by.includes(lab)));
  if (wrong === undefined) return undefined;
  return { kind: 'differs', detail: 'credit', said: wrong, reported: LISTED.format(new Set(works.flat())) };
}

/** "Anthropic, Redwood Research and NYU". */
const LISTED = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/**
 * A figure the member gives to one setting, model or side where the card gives it to another of the same kind and
 * never to theirs ("24% in helpful-only" when 24% is the animal-welfare figure).
 */
function swappedFigure(said: Sentence, stated: readonly Sentence[], discussed: readonly Sentence[]): DetailCheck | undefined {
  // What a figure measures is read too loosely for this ("pretend-to-comply reasoning" names compliance): only
  // conditions, models and sides are swapped.
  const conditions = (sentence: Sentence) => sentence.attached.filter((pair) => !isMeasure(pair));
  const statedPairs = stated.flatMap(conditions);
  const everyPair = [...statedPairs, ...discussed.flatMap(conditions)];
  const sameFigureOf = (a: Attachment, b: Attachment) => a.kind === b.kind && Math.abs(a.value - b.value) <= PERCENT_TOLERANCE;
  for (const pair of conditions(said)) {
    const theirs = everyPair.some((known) => sameFigureOf(known, pair) && known.label === pair.label);
    const other = statedPairs.find((known) => sameFigureOf(known, pair) && known.label !== pair.label);
    if (other && !theirs) {
      return {
        kind: 'differs',
        detail: 'pairing',
        said: `${pair.value}% for ${pair.label}`,
        reported: `${other.value}% for ${other.label}`,
      };
    }
  }
  return undefined;
}

const named = (sentences: readonly Sentence[], kind: string) =>
  new Set(sentences.flatMap((sentence) => [...(sentence.names.get(kind) ?? [])]));

/**
 * Whether the member makes a detail misreading rather than merely sharing its words: the figures and names the
 * misreading changes (those its card's own wordings do not state) must be in what the member said.
 */
/**
 * Whether the member speaks of what a detail misreading that names a setting shares with the card's claim, beyond the
 * setting: a setting's name is everyday words, so "the animal welfare act covers lab animals in the US" names the
 * setting of "Anthropic's notebook covers the animal-welfare experiment", not the notebook. `claimTerms`: the search
 * terms of the claim's wordings.
 */
export function saysTopicOf(said: Sentence, misreading: Sentence, claimTerms: ReadonlySet<string>): boolean {
  if (!misreading.names.has('setting')) return true;
  const named = new Set([...misreading.nameTerms.values()].flat());
  const topic = misreading.unnamedTerms.filter((term) => claimTerms.has(term) && !named.has(term));
  return topic.length === 0 || topic.some((term) => said.terms.includes(term));
}

export function makesDetail(said: Sentence, misreading: Sentence, claim: readonly Sentence[]): boolean {
  const claimFigures = claim.flatMap((sentence) => sentence.numbers);
  const changedFigures = misreading.numbers.filter((figure) => !claimFigures.some((known) => sameFigure(figure, known)));
  const figuresSaid = changedFigures.every((figure) => said.numbers.some((known) => sameFigure(known, figure)));
  // Saying the claim's own figure too ("86-94%" where the claim gives 85.8% and the misreading 94%) is not the slip.
  const claimOnly = claimFigures.filter((figure) => !misreading.numbers.some((known) => sameFigure(figure, known)));
  const saysClaimFigure = said.numbers.some((figure) => claimOnly.some((known) => sameFigure(figure, known)));
  const namesSaid = [...misreading.names].every(([kind, names]) => {
    const claimNames = named(claim, kind);
    const saidNames = said.names.get(kind) ?? new Set();
    return [...names].every((name) => claimNames.has(name) || saidNames.has(name));
  });
  return figuresSaid && namesSaid && !saysClaimFigure;
}

/**
 * Whether the member gives, in place of a detail misreading's figure, one of the same kind that nothing `known` of
 * the card gives, where the claim gives none of that kind: "opus faked in 60% of throughput-testing generations" against
 * "…in 12% of generations" (the claim says only that it faked there). The sentence states that misreading with
 * another figure, to be checked against it, not the claim with a figure the claim is silent on.
 */
export function givesOtherFigure(said: Sentence, misreading: Sentence, claim: readonly Sentence[], known: readonly Sentence[]): boolean {
  const kindsOf = (sentences: readonly Sentence[]) => new Set(sentences.flatMap((sentence) => sentence.numbers.map(figureKind)));
  const claimKinds = kindsOf(claim);
  const misreadingKinds = kindsOf([misreading]);
  const figures = known.flatMap((sentence) => sentence.numbers);
  // A share in words is a percentage too ("faked in half its generations" against "…in 12% of generations").
  const saysShare = said.numbers.length === 0 && quantityIn(said.text) !== undefined;
  if (saysShare && misreadingKinds.has('percent') && !claimKinds.has('percent')) return true;
  return said.numbers.some(
    (figure) =>
      misreadingKinds.has(figureKind(figure)) && !claimKinds.has(figureKind(figure)) && !figures.some((other) => sameFigure(figure, other)),
  );
}

/**
 * Whether the member's sentence has the words that set a misreading apart from its card's own wordings, or whether
 * nothing but polarity does ("RL removed it in some runs" against "RL removed it in no run").
 */
export function setsApart(said: Sentence, misreading: Sentence, claim: readonly Sentence[]): 'nothing' | 'said' | 'unsaid' {
  const claimTerms = new Set(claim.flatMap((sentence) => sentence.terms));
  const apart = misreading.terms.filter((term) => !claimTerms.has(term));
  if (apart.length === 0) return 'nothing';
  const saidTerms = new Set(said.terms);
  return apart.some((term) => saidTerms.has(term)) ? 'said' : 'unsaid';
}

/**
 * Whether the misreading gives a figure to something no wording of the claim gives it to, and the member gives it
 * alike: "the compliance gap ranged from 7% to 24%" uses only the claim's words and figures, where 7–24% is the
 * faking-reasoning range.
 */
export function pairsApart(said: Sentence, misreading: Sentence, claimPairs: ReadonlySet<string>): boolean {
  const saidPairs = new Set(said.attached.map(pairKey));
  const apart = misreading.attached.filter((pair) => !claimPairs.has(pairKey(pair)));
  return apart.length > 0 && apart.every((pair) => saidPairs.has(pairKey(pair)));
}

/** A figure and what it is said of, as one key: the claim's are collected once per card (`pairsApart`). */
export const pairKey = ({ kind, label, value }: Attachment) => `${kind}|${label}|${value}`;
