import { type Client, DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { DmClosedError, type ReminderMessage, type ReminderRuntime } from '../reminders/scheduler.js';
import { reminderView } from './views/review.js';

/** The reminder scheduler's way into Discord: a DM to the member; 50007 (DMs closed) becomes DmClosedError. */
export function discordReminderSender(client: Client): ReminderRuntime['send'] {
  return async ({ guildId, userId, due }: ReminderMessage) => {
    const guildName = client.guilds.cache.get(guildId)?.name ?? 'your study server';
    try {
      const channel = await client.users.createDM(userId);
      await channel.send(reminderView(guildName, guildId, userId, due));
    } catch (err) {
      if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser)
        throw new DmClosedError(err.message);
      throw err;
    }
  };
}
