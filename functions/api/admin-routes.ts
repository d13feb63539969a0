import {
  auditPage,
  auditQuery,
  decisionAnswer,
  dutiesRequest,
  dutyCatalogue,
  listRequestsQuery,
  listUsersQuery,
  pageQuery,
  progressAnswer,
  progressQuery,
  reasonRequest,
  registerRequest,
  requestAnswer,
  requestPage,
  updateRequest,
  userAnswer,
  userPage,
} from '../handlers/admin.schema.ts';
import type { DynamoDbAction, RouteDefinition, TableKey } from './route.ts';

type Tables = Readonly<Partial<Record<TableKey, readonly DynamoDbAction[]>>>;

/** Every administration route reads the caller's session and account (its current duties). */
const ACTOR: Tables = { sessions: ['UpdateItem', 'DeleteItem'], users: ['GetItem'], audit: ['PutItem'] };
/** A change of a user: the user, its counters and the audit records in one transaction; or a request (four eyes). */
const CHANGE: Tables = {
  users: ['GetItem', 'UpdateItem'],
  progress: ['UpdateItem'],
  audit: ['PutItem'],
  requests: ['PutItem'],
};
/** A registration puts a new user item (on condition the IC number is free). */
const NEW_USER: Tables = { users: ['PutItem'] };
const LINKS: Tables = { users: ['UpdateItem'], tokens: ['PutItem', 'DeleteItem'] };

function merge(...parts: Tables[]): Tables {
  const merged: Partial<Record<TableKey, DynamoDbAction[]>> = {};
  for (const part of parts) {
    for (const [key, actions] of Object.entries(part) as [TableKey, readonly DynamoDbAction[]][]) {
      merged[key] = [...new Set([...(merged[key] ?? []), ...actions])];
    }
  }
  return merged;
}

const USER_ID = { userId: 'The user ID: `900101145678`, `900101-14-5678` or `kth:900101145678`.' };
const DONE = {
  description: 'A system administrator or automation (or four eyes off): the change took effect.',
  schema: userAnswer,
};
const REQUESTED = {
  description: "A PTJ administrator (four eyes on): the change waits for a system administrator's approval.",
  schema: requestAnswer,
};
const SCOPE_NOTE =
  ' A PTJ administrator acts only on users of their own PTJs (403 FORBIDDEN otherwise, with no detail of the user).';

/** The administration routes (`/api/admin/…`), in the order of the Administration section of api.md. */
export const adminRoutes: readonly RouteDefinition[] = [
  {
    name: 'register-user',
    method: 'POST',
    path: '/api/admin/users',
    load: () => import('../handlers/register-user.ts'),
    access: 'administrator',
    summary: 'Register an officer',
    description:
      'Pendaftaran Baharu. The officer is PENDING; the activation e-mail goes out when the registration takes effect (at once for a system administrator or automation; on approval for a PTJ administrator). Duties are checked against the catalogue and the segregation rule.' +
      SCOPE_NOTE,
    request: registerRequest,
    responses: {
      201: {
        description: 'Registered (and the activation e-mail sent).',
        schema: userAnswer,
        headers: { Location: 'The new user.' },
      },
      202: REQUESTED,
    },
    problems: ['USER_EXISTS', 'DUTY_UNKNOWN', 'DUTY_CONFLICT'],
    tables: merge(ACTOR, CHANGE, NEW_USER, LINKS),
    sendsEmail: true,
  },
  {
    name: 'list-users',
    method: 'GET',
    path: '/api/admin/users',
    load: () => import('../handlers/list-users.ts'),
    access: 'administrator',
    summary: 'Find users',
    description:
      'By PTJ and state, by duty held today, by dormancy (no sign-in for N days), or by IC or name prefix; paginated with an opaque cursor. Every list is a Query on an index of the users table, never a scan; a PTJ administrator sees only their PTJs.',
    query: listUsersQuery,
    responses: { 200: { description: 'One page of users.', schema: userPage } },
    problems: [],
    tables: merge(ACTOR, { users: ['Query'] }),
  },
  {
    name: 'get-user',
    method: 'GET',
    path: '/api/admin/users/{userId}',
    load: () => import('../handlers/get-user.ts'),
    access: 'administrator',
    summary: 'One user',
    description: `The user as administrators see it: never a hash or a token.${SCOPE_NOTE}`,
    pathDescriptions: USER_ID,
    responses: { 200: { description: 'The user.', schema: userAnswer } },
    problems: ['USER_NOT_FOUND'],
    tables: ACTOR,
  },
  {
    name: 'update-user',
    method: 'PATCH',
    path: '/api/admin/users/{userId}',
    load: () => import('../handlers/update-user.ts'),
    access: 'administrator',
    summary: "Change a user's name, e-mail, agency or PTJ",
    description:
      'Kemaskini Maklumat Pengguna. A changed e-mail cancels every outstanding activation and recovery link and tells the old address; a PTJ move needs both PTJs in scope.' +
      SCOPE_NOTE,
    pathDescriptions: USER_ID,
    request: updateRequest,
    responses: { 200: DONE, 202: REQUESTED },
    problems: ['USER_NOT_FOUND', 'CHANGED_MEANWHILE'],
    tables: merge(ACTOR, CHANGE, { tokens: ['DeleteItem'] }),
    sendsEmail: true,
  },
  {
    name: 'set-duties',
    method: 'PUT',
    path: '/api/admin/users/{userId}/duties',
    load: () => import('../handlers/set-duties.ts'),
    access: 'administrator',
    summary: "Set a user's duties (Pengurusan Tugas)",
    description:
      'Replaces the list. Each duty is in the catalogue, in a PTJ, with dates (acting and temporary duties end by themselves) and, for PELULUS, an approval limit in RM; two duties the segregation rule forbids in one PTJ at overlapping dates are refused.' +
      SCOPE_NOTE,
    pathDescriptions: USER_ID,
    request: dutiesRequest,
    responses: { 200: DONE, 202: REQUESTED },
    problems: ['USER_NOT_FOUND', 'DUTY_UNKNOWN', 'DUTY_CONFLICT', 'CHANGED_MEANWHILE'],
    tables: merge(ACTOR, CHANGE),
  },
  {
    name: 'deactivate-user',
    method: 'POST',
    path: '/api/admin/users/{userId}/deactivate',
    load: () => import('../handlers/deactivate-user.ts'),
    access: 'administrator',
    summary: 'Deactivate a user (Nyah Aktif Profil Pengguna)',
    description:
      "With a reason. The user's sessions end at once and their links are cancelled; sign-in, recovery and activation answer 403 ACCOUNT_DISABLED until reactivated." +
      SCOPE_NOTE,
    pathDescriptions: USER_ID,
    request: reasonRequest,
    responses: { 200: DONE, 202: REQUESTED },
    problems: ['USER_NOT_FOUND', 'ALREADY_DISABLED', 'CHANGED_MEANWHILE'],
    tables: merge(ACTOR, CHANGE, { tokens: ['DeleteItem'] }),
  },
  {
    name: 'reactivate-user',
    method: 'POST',
    path: '/api/admin/users/{userId}/reactivate',
    load: () => import('../handlers/reactivate-user.ts'),
    access: 'administrator',
    summary: 'Reactivate a user',
    description: `The account returns to the state it had before deactivation (PENDING or ACTIVE).${SCOPE_NOTE}`,
    pathDescriptions: USER_ID,
    responses: { 200: DONE, 202: REQUESTED },
    problems: ['USER_NOT_FOUND', 'NOT_DISABLED', 'CHANGED_MEANWHILE'],
    tables: merge(ACTOR, CHANGE),
  },
  {
    name: 'unlock-user',
    method: 'POST',
    path: '/api/admin/users/{userId}/unlock',
    load: () => import('../handlers/unlock-user.ts'),
    access: 'administrator',
    summary: 'Lift a sign-in lock',
    description: `At once, for any administrator in scope (not a four-eyes change).${SCOPE_NOTE}`,
    pathDescriptions: USER_ID,
    responses: { 200: DONE },
    problems: ['USER_NOT_FOUND', 'CHANGED_MEANWHILE'],
    tables: merge(ACTOR, { users: ['UpdateItem'], attempts: ['DeleteItem'] }),
  },
  {
    name: 'start-password-reset',
    method: 'POST',
    path: '/api/admin/users/{userId}/password-reset',
    load: () => import('../handlers/start-password-reset.ts'),
    access: 'administrator',
    summary: 'Reset a password (Penetapan Semula Kata Laluan)',
    description:
      'Sends the officer the recovery (Lupa Kata Laluan) e-mail: they set the new password themselves; no administrator ever sees or sets one. Active accounts only.' +
      SCOPE_NOTE,
    pathDescriptions: USER_ID,
    responses: { 200: DONE, 202: REQUESTED },
    problems: ['USER_NOT_FOUND', 'RESEND_COOLDOWN', 'EMAIL_REJECTED'],
    tables: merge(ACTOR, { requests: ['PutItem'] }, LINKS),
    sendsEmail: true,
  },
  {
    name: 'send-activation',
    method: 'POST',
    path: '/api/admin/users/{userId}/send-activation',
    load: () => import('../handlers/send-activation.ts'),
    access: 'administrator',
    summary: 'Send the activation e-mail again',
    description: `For a PENDING officer, paced as the officer's own resend is.${SCOPE_NOTE}`,
    pathDescriptions: USER_ID,
    responses: { 200: { description: 'Sent.', schema: userAnswer } },
    problems: ['USER_NOT_FOUND', 'ALREADY_ACTIVE', 'RESEND_COOLDOWN', 'EMAIL_REJECTED'],
    tables: merge(ACTOR, LINKS),
    sendsEmail: true,
  },
  {
    name: 'user-audit',
    method: 'GET',
    path: '/api/admin/users/{userId}/audit',
    load: () => import('../handlers/user-audit.ts'),
    access: 'administrator',
    summary: "A user's audit trail",
    description: `Every security and administration event about the user, newest first, paginated; never a secret.${SCOPE_NOTE}`,
    pathDescriptions: USER_ID,
    query: pageQuery,
    responses: { 200: { description: 'One page of audit records.', schema: auditPage } },
    problems: ['USER_NOT_FOUND'],
    tables: merge(ACTOR, { audit: ['Query'] }),
  },
  {
    name: 'list-duties',
    method: 'GET',
    path: '/api/admin/duties',
    load: () => import('../handlers/list-duties.ts'),
    access: 'administrator',
    summary: 'The duty catalogue',
    description:
      'The duties of Pengurusan Tugas in Malay and English, and the segregation pairs this deployment refuses.',
    responses: { 200: { description: 'The catalogue.', schema: dutyCatalogue } },
    problems: [],
    tables: ACTOR,
  },
  {
    name: 'list-requests',
    method: 'GET',
    path: '/api/admin/requests',
    load: () => import('../handlers/list-requests.ts'),
    access: 'administrator',
    summary: 'The four-eyes queue',
    description: 'Change requests, newest first; a PTJ administrator sees those about their PTJs.',
    query: listRequestsQuery,
    responses: { 200: { description: 'One page of requests.', schema: requestPage } },
    problems: [],
    tables: merge(ACTOR, { requests: ['Query'] }),
  },
  {
    name: 'approve-request',
    method: 'POST',
    path: '/api/admin/requests/{id}/approve',
    load: () => import('../handlers/approve-request.ts'),
    access: 'administrator',
    summary: 'Approve a request',
    description:
      'A system administrator other than the requester; the change is checked again against the user as it now is, and takes effect.',
    pathDescriptions: { id: 'The request id.' },
    responses: { 200: { description: 'Approved and applied.', schema: decisionAnswer } },
    problems: [
      'OWN_REQUEST',
      'REQUEST_NOT_FOUND',
      'REQUEST_DECIDED',
      'USER_NOT_FOUND',
      'USER_EXISTS',
      'DUTY_UNKNOWN',
      'DUTY_CONFLICT',
      'ALREADY_DISABLED',
      'NOT_DISABLED',
      'CHANGED_MEANWHILE',
      'RESEND_COOLDOWN',
      'EMAIL_REJECTED',
    ],
    // Applies any kind of request (so it may put a new user), but creates none.
    tables: merge(
      ACTOR,
      NEW_USER,
      { users: ['GetItem', 'UpdateItem'], progress: ['UpdateItem'], requests: ['GetItem', 'UpdateItem'] },
      LINKS,
    ),
    sendsEmail: true,
  },
  {
    name: 'reject-request',
    method: 'POST',
    path: '/api/admin/requests/{id}/reject',
    load: () => import('../handlers/reject-request.ts'),
    access: 'administrator',
    summary: 'Reject a request',
    description: 'A system administrator other than the requester, with a reason; nothing changes.',
    pathDescriptions: { id: 'The request id.' },
    request: reasonRequest,
    responses: { 200: { description: 'Rejected.', schema: decisionAnswer } },
    problems: ['OWN_REQUEST', 'REQUEST_NOT_FOUND', 'REQUEST_DECIDED'],
    tables: merge(ACTOR, { requests: ['GetItem', 'UpdateItem'] }),
  },
  {
    name: 'search-audit',
    method: 'GET',
    path: '/api/admin/audit',
    load: () => import('../handlers/search-audit.ts'),
    access: 'administrator',
    summary: 'Search the audit trail',
    description:
      'By user, PTJ, actor, event and time, newest first, paginated. Append-only: no route changes or deletes a record; records expire after the retention period (AUDIT_RETENTION_DAYS).',
    query: auditQuery,
    responses: { 200: { description: 'One page of audit records.', schema: auditPage } },
    problems: [],
    tables: merge(ACTOR, { audit: ['Query'] }),
  },
  {
    name: 'progress',
    method: 'GET',
    path: '/api/admin/progress',
    load: () => import('../handlers/progress.ts'),
    access: 'administrator',
    summary: 'Activation progress',
    description:
      'Registered, active, pending and deactivated officers per PTJ or agency, from counters kept with every change (no scan).',
    query: progressQuery,
    responses: { 200: { description: 'Counts.', schema: progressAnswer } },
    problems: [],
    tables: merge(ACTOR, { progress: ['Query'] }),
  },
];
