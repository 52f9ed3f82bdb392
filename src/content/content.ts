import type { Bundle, Claim, Prompt, Question, Section, Source } from './schema.js';

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

/** The loaded bundle with id lookups; everything the commands read goes through here. */
export class Content {
  readonly sections: ReadonlyMap<string, Section>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly claims: ReadonlyMap<string, Claim>;
  readonly questions: ReadonlyMap<string, Question>;
  readonly prompts: ReadonlyMap<string, Prompt>;

  constructor(readonly bundle: Bundle) {
    this.sections = byId(bundle.sections);
    this.sources = byId(bundle.sources);
    this.claims = byId(bundle.claims);
    this.questions = byId(bundle.questions);
    this.prompts = byId(bundle.prompts);
  }

  get version(): string {
    return this.bundle.info.version;
  }
}
