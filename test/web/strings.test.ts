import { describe, expect, it } from 'vitest';
import { consoleEn } from '../../web/src/i18n/console-en.ts';
import { consoleMs } from '../../web/src/i18n/console-ms.ts';
import { en } from '../../web/src/i18n/en.ts';
import { ms } from '../../web/src/i18n/ms.ts';
import { ERROR_MESSAGE_KEYS, errorMessage } from '../../web/src/lib/error-messages.ts';
import { t } from '../../web/src/lib/i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The officer pages' table, and the console's: each a Malay and an English one. */
const PAIRS: [string, Record<string, string>, Record<string, string>][] = [
  ['officer pages', ms, en],
  ['console', consoleMs, consoleEn],
];

describe('string tables', () => {
  it.each(PAIRS)('%s: have the same keys in Malay and English', (_, malay, english) => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(malay).sort());
  });

  it("keep the console's keys apart from the officer pages' (one may not shadow the other)", () => {
    expect(Object.keys(consoleMs).filter((key) => Object.hasOwn(ms, key))).toEqual([]);
    expect(Object.keys(consoleMs).every((key) => key.startsWith('admin.'))).toBe(true);
  });

  it('have no empty or untrimmed values', () => {
    for (const table of [ms, en, consoleMs, consoleEn]) {
      for (const [key, value] of Object.entries(table)) {
        expect(value.trim(), key).not.toBe('');
        expect(value, key).toBe(value.trim());
      }
    }
  });

  it.each(PAIRS)('%s: use the same {placeholders} in both languages', (_, malay, english) => {
    for (const key of Object.keys(malay)) {
      expect(placeholders(english[key] ?? ''), key).toEqual(placeholders(malay[key] ?? ''));
    }
  });

  it("keep the source procedure's Malay texts verbatim", () => {
    expect(ms['resend.sentTo']).toBe('Emel pengaktifan akaun telah dihantar ke emel berdaftar anda :');
    expect(ms['activation.questionsIntro']).toBe('Anda perlu memilih TIGA(3) soalan keselamatan dibawah :');
    expect(ms['error.PASSWORD_NO_LOWER']).toBe('Mesti mengandungi aksara berhuruf kecil.');
    expect(ms['error.PASSWORD_NO_UPPER']).toBe('Mesti mengandungi aksara berhuruf besar.');
    expect(ms['error.PASSWORD_NO_DIGIT']).toBe('Mesti mengandungi aksara bernombor.');
    expect(ms['error.PASSWORD_NO_SPECIAL']).toBe('Mesti mengandungi aksara khas.');
    expect(ms['error.PASSWORD_TOO_SHORT']).toBe('Panjang aksara mesti tidak kurang daripada {min}.');
    expect(ms['activation.success']).toBe(
      'Tahniah. Akaun anda telah berjaya diaktifkan. Anda boleh log masuk ke sistem.',
    );
    expect(`${ms['login.resendBefore']} ${ms['login.resendLink']} ${ms['login.resendAfter']}`).toBe(
      'Sekiranya anda telah membuat pendaftaran dan tidak menerima emel pengaktifan sila klik di sini untuk penghantaran semula emel pengaktifan.',
    );
  });
});

describe('error-code map', () => {
  const codes = [
    // activation (api.md)
    'PASSWORD_TOO_SHORT',
    'PASSWORD_NO_LOWER',
    'PASSWORD_NO_UPPER',
    'PASSWORD_NO_DIGIT',
    'PASSWORD_NO_SPECIAL',
    'PASSWORD_MISMATCH',
    'PASSWORD_TOO_LONG',
    'PASSWORD_COMMON',
    'PASSWORD_CONTAINS_PERSONAL_DATA',
    'QUESTIONS_COUNT',
    'QUESTIONS_DUPLICATE',
    'QUESTION_UNKNOWN',
    'ANSWER_TOO_SHORT',
    'ANSWER_TRIVIAL',
    'TOKEN_EXPIRED',
    'TOKEN_INVALID',
    'ALREADY_ACTIVE',
    // resend and sign-in
    'USER_ID_INVALID',
    'USER_NOT_FOUND',
    'RESEND_COOLDOWN',
    'INVALID_CREDENTIALS',
    'ACCOUNT_LOCKED',
    'VALIDATION_FAILED',
    'SERVICE_UNAVAILABLE',
    // recovery, change password
    'ANSWERS_WRONG',
    'PASSWORD_REUSED',
    'CURRENT_PASSWORD_WRONG',
    'UNAUTHENTICATED',
  ];

  it.each(codes)('explains %s in both languages', (code) => {
    expect(Object.keys(ERROR_MESSAGE_KEYS)).toContain(code);
    const { key, vars } = errorMessage(code);
    expect(t(key, vars, 'ms')).not.toMatch(/\{\w+\}/);
    expect(t(key, vars, 'en')).not.toMatch(/\{\w+\}/);
  });

  it('fills in the numbers the texts need', () => {
    expect(t(errorMessage('PASSWORD_TOO_SHORT', { minLength: 12 }).key, { min: 12 }, 'ms')).toBe(
      'Panjang aksara mesti tidak kurang daripada 12.',
    );
    const locked = errorMessage('ACCOUNT_LOCKED', { retryAfter: 840 });
    expect(t(locked.key, locked.vars, 'ms')).toMatch(/selepas 14 minit\.$/);
    expect(t(locked.key, locked.vars, 'en')).toMatch(/in 14 minutes\.$/);
    const cooldown = errorMessage('RESEND_COOLDOWN', { retryAfter: 45 });
    expect(t(cooldown.key, cooldown.vars, 'ms')).toMatch(/selepas 45 saat\.$/);
  });

  it('falls back to a generic text for an unknown code', () => {
    expect(errorMessage('SOMETHING_NEW').key).toBe('error.UNEXPECTED');
  });
});
