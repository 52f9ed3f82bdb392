/** An expected refusal: its message is shown to the member as is. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}
