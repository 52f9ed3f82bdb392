/** Discord's <t:unix:style> in the viewer's own locale and time zone, as Discord's client renders it. */
const FORMATS: Record<string, Intl.DateTimeFormatOptions> = {
  t: { hour: 'numeric', minute: '2-digit' },
  T: { hour: 'numeric', minute: '2-digit', second: '2-digit' },
  d: { day: '2-digit', month: '2-digit', year: 'numeric' },
  D: { day: 'numeric', month: 'long', year: 'numeric' },
  f: { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' },
  F: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' },
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

export function formatTimestamp(epochMs: number, style: string, now: number): string {
  if (style === 'R') return relative(epochMs, now);
  return new Intl.DateTimeFormat(undefined, FORMATS[style] ?? FORMATS.f).format(epochMs);
}

function relative(epochMs: number, now: number): string {
  const seconds = Math.round((epochMs - now) / 1000);
  const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

/** Hours and minutes, for a message header. */
export const shortTime = (epochMs: number) => formatTimestamp(epochMs, 't', epochMs);
export const longDateTime = (epochMs: number) => formatTimestamp(epochMs, 'F', epochMs);
