import type { ReminderState } from '../../reminders/service.js';
import { effectiveTime, inQuietHours } from '../../reminders/timing.js';
import { noMentions } from '../reply.js';
import { BRAND_COLOUR, type MessageView, unix } from './parts.js';

/** The member's reminder settings after `/progress reminders`, in plain words. */
export function remindersView(state: ReminderState | undefined, zone: string): MessageView {
  if (!state) {
    return {
      embeds: [
        {
          title: 'Review reminders are off',
          color: BRAND_COLOUR,
          description:
            'Turn them on with `/progress reminders on:true`: I send you a DM with a "Start review" button when reviews are due, ' +
            `at most once a day, at a time in your zone (**${zone}**, set with \`/progress timezone\`).`,
        },
      ],
      components: [],
      allowedMentions: noMentions,
    };
  }
  const { settings, next } = state;
  const quiet = settings.quiet ? `${settings.quiet.from}–${settings.quiet.to}` : 'none';
  const moved =
    settings.quiet && inQuietHours(settings.time, settings.quiet) ? ` (inside quiet hours, so sent at ${effectiveTime(settings)})` : '';
  const lines = [
    `**Status:** ${settings.enabled ? 'on' : settings.dmsClosed ? 'off: your DMs were closed to me' : 'off'}`,
    `**When:** daily at ${settings.time}${moved} in **${state.zone}**, if at least **${settings.threshold}** review${settings.threshold === 1 ? ' is' : 's are'} due`,
    `**Quiet hours:** ${quiet}`,
    next ? `**Next check:** <t:${unix(next)}:f> (<t:${unix(next)}:R>)` : '',
    settings.enabled ? '\nReminders come by DM: keep direct messages from this server allowed.' : '',
  ].filter(Boolean);
  return {
    embeds: [{ title: 'Review reminders', color: BRAND_COLOUR, description: lines.join('\n') }],
    components: [],
    allowedMentions: noMentions,
  };
}
