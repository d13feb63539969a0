import { ValidationError } from './errors.ts';

/** A parsed user ID: the MyKad number is the key; the agency code is only how people write it. */
export interface ParsedUserId {
  icNumber: string;
  agencyCode?: string;
}

const USER_ID = /^(?:([a-z]{2,10}):)?(\d{6})(?:-(\d{2})-|(\d{2}))(\d{4})$/;
export const AGENCY_CODE = /^[a-z]{2,10}$/;

/** True when YYMMDD is a real calendar date in the 1900s or the 2000s. */
export function isPlausibleBirthDate(yymmdd: string): boolean {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12 || dd < 1) return false;
  return [1900, 2000].some((century) => {
    const date = new Date(Date.UTC(century + yy, mm - 1, dd));
    return date.getUTCMonth() === mm - 1 && date.getUTCDate() === dd;
  });
}

/**
 * Accepts `900101145678`, `900101-14-5678` and `kth:900101145678`; all name the same user.
 * Anything else is a `ValidationError` on `path` with code `USER_ID_INVALID`.
 */
export function parseUserId(raw: string, path = 'userId'): ParsedUserId {
  const match = USER_ID.exec(raw.trim());
  const [, agencyCode, birth, dashedPlace, plainPlace, serial] = match ?? [];
  if (!match || !birth || !serial || !isPlausibleBirthDate(birth)) {
    throw new ValidationError(
      [{ path, code: 'USER_ID_INVALID' }],
      'A user ID is a 12-digit MyKad number (e.g. 900101145678 or 900101-14-5678), optionally prefixed with an agency code (e.g. kth:900101145678).',
    );
  }
  const icNumber = `${birth}${dashedPlace ?? plainPlace}${serial}`;
  return agencyCode ? { icNumber, agencyCode } : { icNumber };
}

export function formatUserId(icNumber: string, agencyCode?: string): string {
  return agencyCode ? `${agencyCode}:${icNumber}` : icNumber;
}
