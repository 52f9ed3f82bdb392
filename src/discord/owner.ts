import type { ComponentInteraction } from './command.js';
import { Refusal } from './errors.js';

/** Private buttons carry their owner's id: anyone else pressing one (a forwarded or replayed id) is refused. */
export function assertOwner(interaction: ComponentInteraction, owner: string, refusal: string): void {
  if (interaction.user.id !== owner) throw new Refusal(refusal);
}
