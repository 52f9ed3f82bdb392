/** Discord's limits for the places bundle text is shown (https://discord.com/developers/docs/resources/message). */
export const limits = {
  message: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedField: 1024,
  embedTotal: 6000,
  buttonLabel: 80,
  selectOption: 100,
  threadName: 100,
  /** Autocomplete choices in one answer, and options in one select menu. */
  choices: 25,
} as const;
