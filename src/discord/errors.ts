/** An expected refusal: its message is shown to the member as is. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

export const STORE_DOWN =
  "Couldn't save: Scratchpad's storage is not answering right now, so nothing was recorded. Please try again in a moment.";
