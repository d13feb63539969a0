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
};

/** `2020-09-14T03:50:04Z` → `14 September 2020 11:50:04 AM` in Malaysia time (UTC+8, no DST). */
export function formatMalaysiaTime(iso: string, lang: 'ms' | 'en'): string {
  const t = new Date(Date.parse(iso) + 8 * 3_600_000);
  const hours = t.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = MONTHS[lang][t.getUTCMonth()];
  return `${t.getUTCDate()} ${month} ${t.getUTCFullYear()} ${pad(h12)}:${pad(t.getUTCMinutes())}:${pad(
    t.getUTCSeconds(),
  )} ${hours < 12 ? 'AM' : 'PM'}`;
}
