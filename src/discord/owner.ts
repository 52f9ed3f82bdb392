import { QuizRefusal } from '../quiz/errors.js';
import { StoreUnavailableError } from '../store/backend.js';
import type { ComponentInteraction } from './command.js';
import { STORE_DOWN, UserFacingError } from './errors.js';

/** Domain refusals and storage outages become answers the member can act on; anything else stays a bug. */
export function asUserFacing(err: unknown): unknown {
  if (err instanceof QuizRefusal) return new UserFacingError(err.message);
  if (err instanceof StoreUnavailableError) return new UserFacingError(STORE_DOWN);
  return err;
}

/** Wraps a handler so the error boundary sees refusals and outages as UserFacingError. */
export function userFacing<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (err) {
      throw asUserFacing(err);
    }
  };
}

/** The guild of an interaction; the router only lets guild interactions through, this narrows the type. */
export function guildOf(interaction: { readonly guildId: string | null }): string {
  if (!interaction.guildId) throw new UserFacingError('Scratchpad works inside a server.');
  return interaction.guildId;
}

/** Private buttons carry their owner's id: anyone else pressing one (a forwarded or replayed id) is refused. */
export function assertOwner(interaction: ComponentInteraction, owner: string, refusal: string): void {
  if (interaction.user.id !== owner) throw new UserFacingError(refusal);
}
