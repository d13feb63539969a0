/**
 * Every time an officer reads (in an e-mail or on a page) is Malaysia time: UTC+8 all year, no
 * daylight saving, on a 12-hour clock with AM/PM as the source procedure shows it. Pure: the web
 * page imports this module as it is.
 */
const MALAYSIA_OFFSET_MS = 8 * 60 * 60 * 1000;

const MONTHS = {
  ms: [
    'Januari',
    'Februari',
    'Mac',
    'April',
    'Mei',
    'Jun',
    'Julai',
    'Ogos',
    'September',
    'Oktober',
    'November',
    'Disember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

const two = (n: number) => String(n).padStart(2, '0');

/** The instant on Malaysia's wall clock (read with the `getUTC…` methods), or none for a non-date. */
function malaysiaClock(iso: string): Date | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time + MALAYSIA_OFFSET_MS);
}

/** `11:50:04 AM` */
function timeOfDay(clock: Date): string {
  const hours = clock.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${two(hour12)}:${two(clock.getUTCMinutes())}:${two(clock.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

/**
 * The e-mails' style, the month in words: `2020-09-14T03:50:04Z` → `14 September 2020 11:50:04 AM`
 * (`1 Ogos 2021 …` in Malay). A text that is no date comes back as it is.
 */
export function formatMalaysiaTime(iso: string, lang: 'ms' | 'en'): string {
  const clock = malaysiaClock(iso);
  if (!clock) return iso;
  const month = MONTHS[lang][clock.getUTCMonth()];
  return `${clock.getUTCDate()} ${month} ${clock.getUTCFullYear()} ${timeOfDay(clock)}`;
}

/**
 * The pages' style, in figures as the source shows a registration date:
 * `2020-09-14T03:50:04Z` → `14/09/2020 11:50:04 AM`. A text that is no date comes back as it is.
 */
export function formatMalaysiaDateTime(iso: string): string {
  const clock = malaysiaClock(iso);
  if (!clock) return iso;
  const date = `${two(clock.getUTCDate())}/${two(clock.getUTCMonth() + 1)}/${clock.getUTCFullYear()}`;
  return `${date} ${timeOfDay(clock)}`;
}

/** The calendar day in Malaysia at `instant`, as `YYYY-MM-DD` (duty dates are Malaysian days). */
export function malaysiaDate(instant: Date): string {
  return new Date(instant.getTime() + MALAYSIA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Malaysian day begins: `2026-03-01` → `2026-02-28T16:00:00.000Z`. */
export function malaysiaDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - MALAYSIA_OFFSET_MS).toISOString();
}

/** The last millisecond of a Malaysian day: `2026-03-01` → `2026-03-01T15:59:59.999Z` (a `to` day is all of it). */
export function malaysiaDayEnd(day: string): string {
  return new Date(Date.parse(malaysiaDayStart(day)) + 24 * 60 * 60 * 1000 - 1).toISOString();
}
