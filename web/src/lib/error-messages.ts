import { PASSWORD_MAX_LENGTH, sourcePolicy } from '../../../functions/domain/password-rules.ts';
import { ANSWER_MIN_LENGTH } from '../../../functions/domain/security-questions.ts';
import type { StringKey } from '../i18n/ms.ts';
import { type Message, type Vars, waitMessage } from './i18n.ts';

/** Every API error code the pages explain, with its text in the string tables. */
export const ERROR_MESSAGE_KEYS = {
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'error.ACCOUNT_LOCKED',
  USER_ID_INVALID: 'error.USER_ID_INVALID',
  USER_NOT_FOUND: 'error.USER_NOT_FOUND',
  ALREADY_ACTIVE: 'error.ALREADY_ACTIVE',
  RESEND_COOLDOWN: 'error.RESEND_COOLDOWN',
  TOKEN_EXPIRED: 'error.TOKEN_EXPIRED',
  TOKEN_INVALID: 'error.TOKEN_INVALID',
  SERVICE_UNAVAILABLE: 'error.SERVICE_UNAVAILABLE',
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  UNEXPECTED: 'error.UNEXPECTED',
  PASSWORD_TOO_SHORT: 'error.PASSWORD_TOO_SHORT',
  PASSWORD_TOO_LONG: 'error.PASSWORD_TOO_LONG',
  PASSWORD_NO_LOWER: 'error.PASSWORD_NO_LOWER',
  PASSWORD_NO_UPPER: 'error.PASSWORD_NO_UPPER',
  PASSWORD_NO_DIGIT: 'error.PASSWORD_NO_DIGIT',
  PASSWORD_NO_SPECIAL: 'error.PASSWORD_NO_SPECIAL',
  PASSWORD_MISMATCH: 'error.PASSWORD_MISMATCH',
  PASSWORD_COMMON: 'error.PASSWORD_COMMON',
  PASSWORD_CONTAINS_PERSONAL_DATA: 'error.PASSWORD_CONTAINS_PERSONAL_DATA',
  QUESTIONS_COUNT: 'error.QUESTIONS_COUNT',
  QUESTIONS_DUPLICATE: 'error.QUESTIONS_DUPLICATE',
  QUESTION_UNKNOWN: 'error.QUESTION_UNKNOWN',
  ANSWER_TOO_SHORT: 'error.ANSWER_TOO_SHORT',
  ANSWER_TRIVIAL: 'error.ANSWER_TRIVIAL',
  PASSWORD_REUSED: 'error.PASSWORD_REUSED',
  CURRENT_PASSWORD_WRONG: 'error.CURRENT_PASSWORD_WRONG',
  ANSWERS_WRONG: 'error.ANSWERS_WRONG',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  // administration
  FORBIDDEN: 'error.FORBIDDEN',
  ALREADY_DISABLED: 'error.ALREADY_DISABLED',
  NOT_DISABLED: 'error.NOT_DISABLED',
  CHANGED_MEANWHILE: 'error.CHANGED_MEANWHILE',
  EMAIL_REJECTED: 'error.EMAIL_REJECTED',
  USER_EXISTS: 'error.USER_EXISTS',
  DUTY_UNKNOWN: 'error.DUTY_UNKNOWN',
  DUTY_CONFLICT: 'error.DUTY_CONFLICT',
  OWN_REQUEST: 'error.OWN_REQUEST',
  REQUEST_NOT_FOUND: 'error.REQUEST_NOT_FOUND',
  REQUEST_DECIDED: 'error.REQUEST_DECIDED',
} as const satisfies Record<string, StringKey>;

export type ErrorCode = keyof typeof ERROR_MESSAGE_KEYS;

/**
 * The numbers some texts show: the lengths a verify or session answer names and the server's
 * `Retry-After`. Without them a text shows the server's own defaults.
 */
export interface ErrorContext {
  minLength?: number;
  maxLength?: number;
  answerMinLength?: number;
  retryAfter?: number | undefined;
}

/**
 * Only for an answer whose `Retry-After` was lost on the way (the server always sends one with
 * these two codes): the default lock window and resend pause of the server's settings.
 */
const LOCK_SECONDS_UNSAID = 15 * 60;
const RESEND_COOLDOWN_UNSAID = 60;

/** How long a locked account waits, in whole minutes. */
export function lockWait(retryAfter: number | undefined): Message {
  return waitMessage(retryAfter ?? LOCK_SECONDS_UNSAID, true);
}

function varsFor(code: ErrorCode, ctx: ErrorContext): Vars | undefined {
  switch (code) {
    case 'PASSWORD_TOO_SHORT':
      return { min: ctx.minLength ?? sourcePolicy.minLength };
    case 'PASSWORD_TOO_LONG':
      return { max: ctx.maxLength ?? PASSWORD_MAX_LENGTH };
    case 'ANSWER_TOO_SHORT':
      return { min: ctx.answerMinLength ?? ANSWER_MIN_LENGTH };
    case 'ACCOUNT_LOCKED':
      return { wait: lockWait(ctx.retryAfter) };
    case 'RESEND_COOLDOWN':
      return { wait: waitMessage(ctx.retryAfter ?? RESEND_COOLDOWN_UNSAID) };
    default:
      return undefined;
  }
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_MESSAGE_KEYS, code);
}

/** The text for an API error code; an unknown code gets `fallback`'s text. */
export function errorMessage(
  code: string,
  ctx: ErrorContext = {},
  fallback: ErrorCode = 'UNEXPECTED',
): Message {
  const known = isErrorCode(code) ? code : fallback;
  const vars = varsFor(known, ctx);
  return vars ? { key: ERROR_MESSAGE_KEYS[known], vars } : { key: ERROR_MESSAGE_KEYS[known] };
}
