/** An expected refusal from the quiz (a stale button, a busy channel); its message is written for the member. */
export class QuizRefusal extends Error {
  override readonly name = 'QuizRefusal';
}

export const refusals = {
  sessionOver: 'This quiz has ended or was replaced by a newer one. Start again with `/quiz start`.',
  movedOn: 'This question has closed: your quiz has moved on.',
  alreadyAnswered: 'You already answered this question.',
  questionRemoved: 'This question is no longer in the study bundle. Start a new quiz with `/quiz start`.',
  roundBusy: 'A quiz round is already running in this channel. Wait for it to finish.',
  roundClosed: 'This question has closed.',
  tooManyReports: 'There are too many open reports in this server; ask a moderator to close some with `/quiz reports`.',
} as const;
