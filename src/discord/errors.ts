import { permissionNames } from './permissions.js';

/** An expected refusal: its message is shown to the member as is. */
export class Refusal extends Error {
  override readonly name = 'Refusal';
}

export const EXPIRED = 'This has expired: the bot or its content changed since it was posted. Run the command again.';

/**
 * What the member clicked or sent no longer matches the bot: an unknown command or custom_id, a component of
 * the wrong kind, an option or modal field an older definition had. The boundary answers EXPIRED.
 */
export class Expired extends Error {
  override readonly name = 'Expired';
  constructor(reason = 'outdated interaction') {
    super(reason);
  }
}

export const STORE_DOWN =
  "Couldn't save: Scratchpad's storage is not answering right now, so nothing was recorded. Please try again in a moment.";

/** The one refusal for a missing permission, naming the permission the route actually requires. */
export const missingPermission = (required: bigint) =>
  new Refusal(`You need the **${permissionNames(required).join('**, **')}** permission to use this.`);
