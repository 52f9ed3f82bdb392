import type { ClaimHit } from './claims/claimIndex.js';
import { type ClaimDecision, ClaimJudge } from './claims/judge.js';
import type { Bundle, Claim, Prompt, Question, Section, Source } from './schema.js';
import { ContentSearch, type SourceLookup } from './search.js';

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

/** The loaded bundle with id lookups; everything the commands read goes through here. */
export class Content {
  readonly sections: ReadonlyMap<string, Section>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly claims: ReadonlyMap<string, Claim>;
  readonly questions: ReadonlyMap<string, Question>;
  readonly prompts: ReadonlyMap<string, Prompt>;
  private readonly search: ContentSearch;
  private builtJudge: ClaimJudge | undefined;
  private judgeBuilt: Promise<void> | undefined;

  constructor(readonly bundle: Bundle) {
    this.sections = byId(bundle.sections);
    this.sources = byId(bundle.sources);
    this.claims = byId(bundle.claims);
    this.questions = byId(bundle.questions);
    this.prompts = byId(bundle.prompts);
    this.search = new ContentSearch(bundle);
  }

  /**
   * The claim engine is built by the first claim decision, not at start-up: its language model, card readings and
   * indexes are about 20 MB of heap in every bot process, and building it takes a second or more.
   */
  private get judge(): ClaimJudge {
    if (this.builtJudge === undefined) {
      const judge = new ClaimJudge(this.bundle);
      judge.warm();
      this.builtJudge = judge;
    }
    return this.builtJudge;
  }

  /** Whether a claim decision is quick now; the first one builds the claim engine, which can take a second or more. */
  get claimsReady(): boolean {
    return this.builtJudge !== undefined;
  }

  /**
   * Builds the claim engine once, reading a card per turn of the event loop, so the bot goes on answering (and other
   * first /claims defer in time) while it is built.
   */
  prepareClaims(): Promise<void> {
    this.judgeBuilt ??= (async () => {
      const judge = new ClaimJudge(this.bundle);
      await judge.warmInTurns();
      this.builtJudge ??= judge;
    })();
    return this.judgeBuilt;
  }

  /** Sections matching what a member typed (title, id, key terms), best first, at most 25. */
  rankSections(query: string): Section[] {
    return this.search.rankSections(query);
  }

  /** Sources matching what a member typed (id, title, authors, publisher, aliases), best first, at most 25. */
  rankSources(query: string): Source[] {
    return this.search.rankSources(query);
  }

  findSource(query: string): SourceLookup {
    return this.search.findSource(query);
  }

  /** What the evidence says about what someone said: a verdict on that sentence, "not sure" or "not covered". */
  findClaim(text: string): ClaimDecision {
    return this.judge.decide(text);
  }

  /** Every claim card that shares a term with the text, best first, threshold or not (for measuring search). */
  rankClaims(text: string): ClaimHit[] {
    return this.judge.rank(text);
  }

  /** The sections before and after this one in reading order, wrapping around at either end. */
  neighbours(sectionId: string): { previous: Section; next: Section } | undefined {
    const { sections } = this.bundle;
    const at = sections.findIndex((section) => section.id === sectionId);
    const previous = sections[(at - 1 + sections.length) % sections.length];
    const next = sections[(at + 1) % sections.length];
    return at < 0 || !previous || !next ? undefined : { previous, next };
  }

  /** The sections and claim cards that cite a source. */
  citing(sourceId: string): { sections: Section[]; claims: Claim[] } {
    return {
      sections: this.bundle.sections.filter((section) => section.sources.includes(sourceId)),
      claims: this.bundle.claims.filter((claim) => claim.evidence.some((item) => item.source === sourceId)),
    };
  }

  get version(): string {
    return this.bundle.info.version;
  }
}
