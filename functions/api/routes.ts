import { activateAccountRequest, activateAccountResponse } from '../handlers/activate-account.schema.ts';
import { changePasswordRequest, changePasswordResponse } from '../handlers/change-password.schema.ts';
import { checkPasswordRequest, checkPasswordResponse } from '../handlers/check-password.schema.ts';
import { getSessionResponse } from '../handlers/get-session.schema.ts';
import { healthResponse } from '../handlers/health.schema.ts';
import { loginRequest, loginResponse } from '../handlers/login.schema.ts';
import { openApiResponse } from '../handlers/openapi.schema.ts';
import { requestRecoveryRequest, requestRecoveryResponse } from '../handlers/request-recovery.schema.ts';
import { resendActivationRequest, resendActivationResponse } from '../handlers/resend-activation.schema.ts';
import { resetPasswordRequest, resetPasswordResponse } from '../handlers/reset-password.schema.ts';
import { verifyActivationRequest, verifyActivationResponse } from '../handlers/verify-activation.schema.ts';
import { verifyRecoveryRequest, verifyRecoveryResponse } from '../handlers/verify-recovery.schema.ts';
import { adminRoutes } from './admin-routes.ts';
import type { RouteDefinition } from './route.ts';

const SESSION_COOKIE = {
  'Set-Cookie': 'The session cookie `__Host-ispeks-session` (Secure, HttpOnly, SameSite=Strict, Path=/).',
};
const CLEARED_COOKIE = { 'Set-Cookie': 'Clears the session cookie.' };
const PASSWORD_FIELD_CODES =
  'Field codes on `password`: PASSWORD_TOO_SHORT (fewer visible characters than the minimum), PASSWORD_TOO_LONG (over 128 characters), PASSWORD_NO_LOWER, PASSWORD_NO_UPPER, PASSWORD_NO_DIGIT, PASSWORD_NO_SPECIAL, PASSWORD_COMMON (a common password, also decorated: P@ssw0rd1234, Welcome@2024!, or a keyboard walk), PASSWORD_CONTAINS_PERSONAL_DATA (the ID number or its birth date, the ID reversed, a name part, the e-mail\'s name or "iSPEKS"); PASSWORD_MISMATCH on `passwordConfirmation`. Passwords count visible characters only and are compared in Unicode NFC.';

/**
 * The API, one entry per route: method and path, the handler, who may call it, the schemas of
 * its request and answers, the problem codes it can answer, and exactly what it may touch. The
 * CDK stack (functions, grants, API Gateway routes), the local server and the OpenAPI document
 * are all derived from this list; adding a route is one entry here plus its handler and use case.
 */
export const routes: readonly RouteDefinition[] = [
  {
    name: 'resend-activation',
    method: 'POST',
    path: '/api/activation/resend',
    load: () => import('../handlers/resend-activation.ts'),
    access: 'public',
    summary: 'Send (or send again) the activation e-mail',
    description:
      "Issues a new 30-minute token, makes every earlier token of the user invalid and sends the e-mail with the link `<site URL>/account/activation#token=<token>`. If the e-mail cannot be sent, the new token is withdrawn, the earlier link works again and no cooldown is spent. A send that loses the race to the officer's own activation answers 409. With enumeration protection on (a deployment setting), unknown, active, paced and pending IDs all get `202 { sentTo: null }` after the same minimum time, even while the e-mail service fails; an active account receives an e-mail saying it is already active.",
    request: resendActivationRequest,
    responses: {
      202: { description: 'E-mail sent (to the masked address).', schema: resendActivationResponse },
    },
    problems: ['USER_NOT_FOUND', 'ALREADY_ACTIVE', 'RESEND_COOLDOWN', 'EMAIL_REJECTED', 'ACCOUNT_DISABLED'],
    tables: { users: ['GetItem', 'UpdateItem'], tokens: ['PutItem', 'DeleteItem'], audit: ['PutItem'] },
    sendsEmail: true,
  },
  {
    name: 'verify-activation',
    method: 'POST',
    path: '/api/activation/verify',
    load: () => import('../handlers/verify-activation.ts'),
    access: 'public',
    summary: 'What the activation page shows for a link',
    description: 'One read; consumes nothing, so a link can be opened (and prefetched) any number of times.',
    request: verifyActivationRequest,
    responses: { 200: { description: 'The link is usable.', schema: verifyActivationResponse } },
    problems: ['TOKEN_EXPIRED', 'TOKEN_INVALID', 'ALREADY_ACTIVE'],
    tables: { tokens: ['GetItem'], users: ['GetItem'], audit: ['PutItem'] },
  },
  {
    name: 'activate-account',
    method: 'POST',
    path: '/api/activation/activate',
    load: () => import('../handlers/activate-account.ts'),
    access: 'public',
    summary: 'Set three security answers and the password; activates exactly once per link',
    description: `One DynamoDB transaction marks the token used and the user active. Of N concurrent requests with one token exactly one gets 200; the others get 409 ALREADY_ACTIVE or 410 TOKEN_INVALID. A refused attempt (400) leaves the token usable until it expires. ${PASSWORD_FIELD_CODES} On \`securityAnswers\`: QUESTIONS_COUNT (not exactly 3); on \`securityAnswers.<i>.questionId\`: QUESTIONS_DUPLICATE, QUESTION_UNKNOWN; on \`securityAnswers.<i>.answer\`: ANSWER_TOO_SHORT (fewer than 3 visible characters), ANSWER_TRIVIAL (a run such as abc or 123, a non-answer such as tiada, two equal answers, or equal to the ID, name, e-mail or password), INVALID_CHARACTERS.`,
    request: activateAccountRequest,
    responses: { 200: { description: 'Activated.', schema: activateAccountResponse } },
    problems: ['TOKEN_EXPIRED', 'TOKEN_INVALID', 'ALREADY_ACTIVE'],
    tables: {
      tokens: ['GetItem', 'UpdateItem'],
      users: ['GetItem', 'UpdateItem'],
      progress: ['UpdateItem'],
      audit: ['PutItem'],
    },
  },
  {
    name: 'login',
    method: 'POST',
    path: '/api/auth/login',
    load: () => import('../handlers/login.ts'),
    access: 'public',
    summary: 'Sign in',
    description:
      "Every failure (unknown ID, wrong password, account not yet active, an agency prefix that is not the officer's own) is the same 401 with the same timing. Each attempt first claims a guess from the ID's budget with a conditional write, unknown IDs too: at most 5 guesses are ever checked per lock window, however many requests arrive at once, and six wrong passwords answer 401, 401, 401, 401, 423, 423 for every kind of ID. The fifth wrong guess locks password sign-in for 15 minutes (423 with Retry-After); an active officer is told by e-mail, with the recovery link. A right guess resets the count but never lifts a lock set while it was being checked. On success a new session starts; it ends 30 minutes after the last request made with it, and after 12 hours at most.",
    request: loginRequest,
    responses: { 200: { description: 'Signed in.', schema: loginResponse, headers: SESSION_COOKIE } },
    problems: ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED'],
    tables: {
      users: ['GetItem', 'UpdateItem'],
      sessions: ['PutItem'],
      attempts: ['GetItem', 'UpdateItem'],
      audit: ['PutItem'],
    },
    sendsEmail: true,
  },
  {
    name: 'get-session',
    method: 'GET',
    path: '/api/auth/session',
    load: () => import('../handlers/get-session.ts'),
    access: 'officer',
    summary: 'The signed-in officer',
    description:
      'Every call counts as activity: the idle timeout runs from the last request. The officer is read fresh from the account on every call, with the password rules for the change-password form.',
    responses: { 200: { description: 'Signed in.', schema: getSessionResponse } },
    problems: ['UNAUTHENTICATED'],
    tables: { sessions: ['UpdateItem', 'DeleteItem'], users: ['GetItem'] },
  },
  {
    name: 'logout',
    method: 'POST',
    path: '/api/auth/logout',
    load: () => import('../handlers/logout.ts'),
    access: 'public',
    summary: 'Sign out',
    description:
      'Ends the session server-side and clears the cookie; no body. Also 204 when there was no session.',
    responses: { 204: { description: 'Signed out.', headers: CLEARED_COOKIE } },
    problems: [],
    tables: { sessions: ['DeleteItem'] },
  },
  {
    name: 'request-recovery',
    method: 'POST',
    path: '/api/recovery/request',
    load: () => import('../handlers/request-recovery.ts'),
    access: 'public',
    summary: 'Lupa Kata Laluan: ask for a password recovery e-mail',
    description:
      'Always 202 with the same body after (at least) the same time for every ID: an active account gets a 30-minute single-use link `<site>/account/recovery#token=…`, a pending account its activation e-mail instead, anything else nothing. Paced like activation e-mails (60 s cooldown, 5 per hour), counted separately; a paced, failed or refused send answers the same 202. Only a failure of the lookup every ID makes answers 503.',
    request: requestRecoveryRequest,
    responses: { 202: { description: 'Accepted, whatever the ID.', schema: requestRecoveryResponse } },
    problems: [],
    tables: { users: ['GetItem', 'UpdateItem'], tokens: ['PutItem', 'DeleteItem'], audit: ['PutItem'] },
    sendsEmail: true,
  },
  {
    name: 'verify-recovery',
    method: 'POST',
    path: '/api/recovery/verify',
    load: () => import('../handlers/verify-recovery.ts'),
    access: 'public',
    summary: 'What the recovery page shows for a link',
    description: 'One read; consumes nothing.',
    request: verifyRecoveryRequest,
    responses: { 200: { description: 'The link is usable.', schema: verifyRecoveryResponse } },
    problems: ['TOKEN_EXPIRED', 'TOKEN_INVALID'],
    tables: { tokens: ['GetItem'], users: ['GetItem'] },
  },
  {
    name: 'reset-password',
    method: 'POST',
    path: '/api/recovery/reset',
    load: () => import('../handlers/reset-password.ts'),
    access: 'public',
    summary: 'Set a new password with two right answers',
    description: `Exactly once per link, even under concurrent requests. Input problems are answered first and spend nothing: ${PASSWORD_FIELD_CODES} On \`securityAnswers\`: QUESTIONS_COUNT, QUESTION_UNKNOWN (not one of the link's two), QUESTIONS_DUPLICATE, ANSWER_TOO_SHORT. Wrong answers (400 ANSWERS_WRONG; the link stays usable) spend a guess of the recovery budget (5 per 15 minutes, then 423) and count against password sign-in too. With right answers the new password may not equal the current one (PASSWORD_REUSED). On success every session of the officer has ended, a sign-in lock is lifted, and the officer is told by e-mail.`,
    request: resetPasswordRequest,
    responses: { 200: { description: 'Password set.', schema: resetPasswordResponse } },
    problems: ['ANSWERS_WRONG', 'TOKEN_EXPIRED', 'TOKEN_INVALID', 'ACCOUNT_LOCKED'],
    tables: {
      tokens: ['GetItem', 'UpdateItem'],
      users: ['GetItem', 'UpdateItem'],
      attempts: ['GetItem', 'UpdateItem', 'DeleteItem'],
      audit: ['PutItem'],
    },
    sendsEmail: true,
  },
  {
    name: 'change-password',
    method: 'POST',
    path: '/api/account/password',
    load: () => import('../handlers/change-password.ts'),
    access: 'officer',
    summary: 'Signed in: change the password',
    description: `The current password is a sign-in guess (it spends the same budget; CURRENT_PASSWORD_WRONG on \`currentPassword\`); the new one obeys the policy and may not equal the current one (PASSWORD_REUSED). ${PASSWORD_FIELD_CODES} Every other session of the officer ends; this one carries on. The officer is told by e-mail.`,
    request: changePasswordRequest,
    responses: { 200: { description: 'Password changed.', schema: changePasswordResponse } },
    problems: ['UNAUTHENTICATED', 'ACCOUNT_LOCKED'],
    tables: {
      sessions: ['UpdateItem', 'DeleteItem'],
      users: ['GetItem', 'UpdateItem'],
      attempts: ['GetItem', 'UpdateItem'],
      audit: ['PutItem'],
    },
    sendsEmail: true,
  },
  {
    name: 'revoke-sessions',
    method: 'POST',
    path: '/api/account/sessions/revoke',
    load: () => import('../handlers/revoke-sessions.ts'),
    access: 'officer',
    summary: 'Signed in: sign out everywhere',
    description: 'Ends every session of the officer, this one included, and clears the cookie; no body.',
    responses: { 204: { description: 'Every session has ended.', headers: CLEARED_COOKIE } },
    problems: ['UNAUTHENTICATED'],
    tables: { sessions: ['UpdateItem', 'DeleteItem'], users: ['GetItem', 'UpdateItem'] },
  },
  {
    name: 'check-password',
    method: 'POST',
    path: '/api/password-policy/check',
    load: () => import('../handlers/check-password.ts'),
    access: 'public',
    summary: 'Check a password against the rules a page cannot judge alone',
    description:
      "For the live rule list while an officer types: the common-password list (and its decorated forms) and the officer's own data (from a link's token, or the session). Stores, counts and logs nothing.",
    request: checkPasswordRequest,
    responses: { 200: { description: 'The rules the password breaks.', schema: checkPasswordResponse } },
    problems: [],
    tables: { tokens: ['GetItem'], sessions: ['UpdateItem', 'DeleteItem'], users: ['GetItem'] },
  },
  ...adminRoutes,
  {
    name: 'health',
    method: 'GET',
    path: '/api/health',
    load: () => import('../handlers/health.ts'),
    access: 'public',
    summary: 'Liveness',
    description: 'The function runs; dependencies are not probed (that would cost on every check).',
    responses: { 200: { description: 'Running.', schema: healthResponse } },
    problems: [],
    tables: {},
  },
  {
    name: 'openapi',
    method: 'GET',
    path: '/api/openapi.json',
    load: () => import('../handlers/openapi.ts'),
    access: 'public',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of the API, generated from the route table.',
    responses: { 200: { description: 'The OpenAPI document.', schema: openApiResponse } },
    problems: [],
    tables: {},
  },
];
