import type { Content } from '../content/content.js';
import type { Prompt, Section, Source } from '../content/schema.js';
import type { FailureKind } from './record.js';

/** Everything a prompt post shows: the prompt, its follow-ups, the related section and the sources. */
export interface PromptCard {
  readonly prompt: Prompt;
  readonly section: Section | undefined;
  readonly sources: readonly Source[];
  /** The member whose suggestion this prompt is. */
  readonly suggestedBy?: string;
}

export function cardFor(content: Content, prompt: Prompt): PromptCard {
  return {
    prompt,
    section: content.sections.get(prompt.section),
    sources: prompt.sources.flatMap((id) => content.sources.get(id) ?? []),
  };
}

/** A failed send or thread, classified; `code` is the platform's own error code when it gave one. */
export class PostError extends Error {
  override readonly name = 'PostError';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly code?: number,
  ) {
    super(message);
  }
}

/**
 * How the scheduler reaches a channel, so this module stays free of Discord. The Discord implementation lives in
 * src/discord/promptPoster.ts; both methods throw PostError.
 */
export interface PromptPoster {
  /** Posts the card in the channel; resolves to the message id. */
  post(channelId: string, card: PromptCard): Promise<string>;
  /** Opens a public thread on that message; resolves to the thread id. */
  openThread(channelId: string, messageId: string, name: string): Promise<string>;
}

export function asPostError(err: unknown): PostError {
  return err instanceof PostError ? err : new PostError('other', err instanceof Error ? err.message : String(err));
}

export const FAILURE_TEXT: Record<FailureKind, string> = {
  'missing-permissions': 'Scratchpad lacks a permission it needs in the channel',
  'unknown-channel': 'the channel no longer exists or Scratchpad cannot see it',
  'no-prompts': 'the content bundle has no discussion prompts',
  other: 'Discord did not accept the post',
};
