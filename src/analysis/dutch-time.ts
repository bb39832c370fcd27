/**
 * Days and times as the Netherlands keeps them (Europe/Amsterdam). Parliamentary dates are Dutch
 * calendar days, so an instant is cut to a day there and not in UTC, where 00:30 on the 11th in
 * Amsterdam is still the 10th.
 */
const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** An instant (ms since the epoch) as ISO 8601 in Dutch local time with its offset, to the second: 2022-03-10T23:30:00Z gives 2022-03-11T00:30:00+01:00. Its first ten characters are the Dutch day. */
export function dutchDateTime(ms: number): string {
  const p: Record<string, string> = {};
  for (const { type, value } of AMSTERDAM.formatToParts(ms)) p[type] = value;
  // longOffset writes "GMT+01:00", and "GMT" alone for a zero offset.
  const offset = p.timeZoneName!.replace(/^GMT/, '') || '+00:00';
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

/** The Dutch calendar day (YYYY-MM-DD) of an instant. */
export function dutchDay(ms: number): string {
  return dutchDateTime(ms).slice(0, 10);
}

const MINUTE = 60_000;
let todayCache = { minute: NaN, day: '' };

/**
 * Today's date as YYYY-MM-DD: the day it is in the Netherlands. Amsterdam's offsets since 1940 are whole hours, so the day can
 * only change on a whole minute: it is worked out once a minute (formatting a time zone costs
 * microseconds, and an API request asks for it per question it assesses).
 */
export function today(): string {
  const minute = Math.floor(Date.now() / MINUTE);
  if (todayCache.minute !== minute) todayCache = { minute, day: dutchDay(minute * MINUTE) };
  return todayCache.day;
}
