import type { ClaimWords } from '../schema.js';
import { type NumberMention, type SentenceFacts, sentenceFacts } from './language.js';
import { claimTerms, negatedSynonyms } from './terms.js';

/**
 * A sentence as /claim compares it: its search terms, how many negations it carries, its lemmas, the figures
 * it states and the labs, models and people it names.
 */
export interface Sentence {
  readonly terms: readonly string[];
  readonly negations: SentenceFacts['negations'];
  readonly lemmas: ReadonlySet<string>;
  readonly numbers: readonly NumberMention[];
  readonly question: boolean;
  readonly changes: SentenceFacts['changes'];
  /** Canonical names by kind ("model" → {"Claude 3 Opus"}). */
  readonly names: ReadonlyMap<string, ReadonlySet<string>>;
}

interface NamePattern {
  readonly kind: string;
  readonly canonical: string;
  readonly terms: readonly string[];
  readonly pattern: RegExp;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads sentences against the bundle's names and domain opposites. */
export class SentenceReader {
  private readonly patterns: readonly NamePattern[];
  readonly opposites: readonly (readonly [Phrase, Phrase])[];

  constructor(words: ClaimWords) {
    this.patterns = words.names.flatMap(({ kind, name, also }) =>
      [name, ...also].map((variant) => ({
        kind,
        canonical: name,
        terms: claimTerms(variant),
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escaped(variant)}(?![\\p{L}\\p{N}])`, 'giu'),
      })),
    );
    this.opposites = words.opposites.map(([a, b]) => [phrase(a), phrase(b)] as const);
  }

  /** `spelled` is the text with slips corrected, for terms and names; figures and negations come from `text`. */
  read(text: string, spelled: string = text): Sentence {
    const terms = claimTerms(spelled);
    const names = new Map<string, Set<string>>();
    let unnamed = text;
    for (const { kind, canonical, terms: nameTerms, pattern } of this.patterns) {
      if (nameTerms.length === 0 || !containsRun(terms, nameTerms)) continue;
      (names.get(kind) ?? names.set(kind, new Set()).get(kind))?.add(canonical);
      unnamed = unnamed.replace(pattern, ' ');
    }
    const facts = sentenceFacts(text);
    // Figures come from the text without its names, so "Claude 3 Opus" states no figure.
    const { numbers } = unnamed === text || !/\d/.test(text) ? facts : sentenceFacts(unnamed);
    return {
      terms,
      negations: facts.negations.slice(negatedSynonyms(text)),
      lemmas: facts.lemmas,
      question: facts.question,
      changes: facts.changes,
      numbers: numbers.filter(isFigure),
      names,
    };
  }
}

/** Percentages, years and counts of ten or more are details a member can get wrong; "two settings" rarely is. */
const isFigure = (number: NumberMention) => number.percent || number.value >= 10;

export function containsRun(terms: readonly string[], run: readonly string[]): boolean {
  return terms.some((_, start) => run.every((term, offset) => terms[start + offset] === term));
}

/** A domain phrase: matched on search terms, or on its lemma when search drops it as a common word ("more"). */
export interface Phrase {
  readonly terms: readonly string[];
  readonly word: string;
}

const phrase = (text: string): Phrase => ({ terms: claimTerms(text), word: text.trim().toLowerCase() });

export const says = (sentence: Sentence, { terms, word }: Phrase) =>
  terms.length > 0 ? containsRun(sentence.terms, terms) : sentence.lemmas.has(word);
