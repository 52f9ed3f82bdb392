import { canonicalZone, suggestZones } from '../timeZones.js';
import { Refusal } from './errors.js';

/** A time zone option as typed: its canonical name, or a refusal that names the closest zones. */
export function zoneFrom(input: string): string {
  const zone = canonicalZone(input);
  if (zone) return zone;
  const close = suggestZones(input, 3);
  const hint = close.length > 0 ? ` Did you mean ${close.map((name) => `\`${name}\``).join(', ')}?` : '';
  throw new Refusal(`“${input}” is not an IANA time zone.${hint} Pick one from the list as you type, such as \`Europe/Berlin\`.`);
}

/** Autocomplete for a time zone option. */
export const zoneChoices = (typed: string) => suggestZones(typed).map((zone) => ({ name: zone, value: zone }));
