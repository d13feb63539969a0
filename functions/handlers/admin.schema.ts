import * as z from 'zod/mini';
import { AUDIT_EVENTS } from '#domain/administration.ts';
import { DUTY_CODES } from '#domain/duties.ts';
import { AGENCY_CODE } from '#domain/user-id.ts';
import { visibleLength } from '#domain/visible-text.ts';
import { named, text, timestamp, userIdField } from './schemas.ts';

/** The administration contract's shared pieces: a user, a duty assignment, a change request, a page. */

export const PTJ_CODE = /^[0-9A-Z]{2,12}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const ptjCodeField = z.string().check(z.regex(PTJ_CODE));
export const agencyCodeField = z.string().check(z.regex(AGENCY_CODE));
export const dateField = z.string().check(z.regex(DATE));
/** A name: at least two characters a reader sees (zero-width and other invisible ones do not count). */
export const nameField = text(150).check(
  z.refine((s) => visibleLength(s.trim()) >= 2, { message: 'too short', params: { code: 'TOO_SHORT' } }),
);
export const emailField = z.email().check(z.maxLength(254));
/** A reason an administrator gives (deactivation, rejection): visible text, kept in the audit trail. */
export const reasonField = text(500).check(
  z.refine((s) => visibleLength(s.trim()) >= 3, { message: 'too short', params: { code: 'TOO_SHORT' } }),
);

/** A duty as given: the code is checked against the catalogue by the use case (400 DUTY_UNKNOWN). */
export const dutyAssignmentInput = named(
  'DutyAssignmentInput',
  'A duty to give: the duty code, the PTJ it applies to, an approval limit in RM (PELULUS only), and the dates (YYYY-MM-DD, Malaysia time; `startsOn` defaults to today, no `endsOn` means until changed).',
  z.strictObject({
    duty: z.string().check(z.maxLength(40)),
    ptjCode: ptjCodeField,
    approvalLimit: z.optional(z.number().check(z.gte(0), z.lte(1_000_000_000_000))),
    startsOn: z.optional(dateField),
    endsOn: z.optional(dateField),
  }),
);
export const dutiesField = z.array(dutyAssignmentInput).check(z.maxLength(50));

export const dutyAssignment = named(
  'DutyAssignment',
  'A duty an officer holds in a PTJ, from `startsOn` to `endsOn` (inclusive, Malaysia time); outside its dates it grants nothing.',
  z.strictObject({
    duty: z.enum(DUTY_CODES),
    ptjCode: z.string(),
    approvalLimit: z.optional(z.number()),
    startsOn: z.string(),
    endsOn: z.optional(z.string()),
  }),
);

export const adminUser = named(
  'AdminUser',
  'A user as administrators see it: never a hash or a token. LOCKED is an active account whose sign-in lock is running.',
  z.strictObject({
    userId: z.string(),
    icNumber: z.string(),
    agencyCode: z.nullable(z.string()),
    ptjCode: z.nullable(z.string()),
    name: z.string(),
    email: z.string(),
    status: z.enum(['PENDING', 'ACTIVE', 'LOCKED', 'DISABLED']),
    registeredAt: timestamp,
    activatedAt: z.nullable(timestamp),
    lastSignInAt: z.nullable(timestamp),
    duties: z.array(dutyAssignment),
    disabledAt: z.optional(z.nullable(timestamp)),
    disabledReason: z.optional(z.nullable(z.string())),
  }),
);

const fieldChange = z.strictObject({ before: z.unknown(), after: z.unknown() });

export const changeRequest = named(
  'ChangeRequest',
  'A change a PTJ administrator asked for (four eyes): who asked, when, about whom, and exactly what changes (before and after); decided by another, system, administrator.',
  z.strictObject({
    id: z.string(),
    kind: z.enum(['REGISTER', 'UPDATE', 'SET_DUTIES', 'DEACTIVATE', 'REACTIVATE', 'PASSWORD_RESET']),
    status: z.enum(['PENDING', 'APPROVED', 'REJECTED']),
    requestedBy: z.string(),
    requestedAt: timestamp,
    target: z.strictObject({
      icNumber: z.string(),
      userId: z.string(),
      name: z.string(),
      ptjCode: z.string(),
    }),
    changes: z.record(z.string(), fieldChange),
    decidedBy: z.optional(z.string()),
    decidedAt: z.optional(timestamp),
    reason: z.optional(z.string()),
  }),
);

/** A change by a system administrator or automation takes effect: the user as it now is. */
export const userAnswer = named(
  'UserAnswer',
  'The user, as the change left it.',
  z.strictObject({ user: adminUser }),
);
/** A change by a PTJ administrator waits for approval: the request. */
export const requestAnswer = named(
  'RequestAnswer',
  'The change request that now waits for a system administrator.',
  z.strictObject({ request: changeRequest }),
);

export const userPage = named(
  'UserPage',
  'One page of users; pass `nextCursor` as `cursor` for the next.',
  z.strictObject({ items: z.array(adminUser), nextCursor: z.optional(z.string()) }),
);
export const requestPage = named(
  'RequestPage',
  'One page of change requests, newest first.',
  z.strictObject({ items: z.array(changeRequest), nextCursor: z.optional(z.string()) }),
);

export const auditRecord = named(
  'AuditRecord',
  'One audit record: never a password, answer, hash or token. `target` is the officer it is about (absent when the ID named no known officer); `requestId` the API request it was written under; `changeRequestId` the four-eyes request it belongs to.',
  z.strictObject({
    id: z.string(),
    at: timestamp,
    event: z.string(),
    actor: z.string(),
    target: z.optional(
      z.strictObject({ icNumber: z.string(), userId: z.string(), ptjCode: z.optional(z.string()) }),
    ),
    outcome: z.enum(['SUCCESS', 'FAILURE', 'REFUSED', 'REQUESTED']),
    requestId: z.string(),
    changeRequestId: z.optional(z.string()),
    changes: z.optional(z.record(z.string(), fieldChange)),
    detail: z.optional(z.string()),
  }),
);
export const auditPage = named(
  'AuditPage',
  'One page of audit records, newest first.',
  z.strictObject({ items: z.array(auditRecord), nextCursor: z.optional(z.string()) }),
);

export const registerRequest = named(
  'RegisterRequest',
  'An officer to register: the activation e-mail goes out when the registration takes effect. `icNumber` may carry the agency (`kth:900101145678`) if `agencyCode` is not given.',
  z.strictObject({
    icNumber: userIdField,
    agencyCode: z.optional(agencyCodeField),
    ptjCode: ptjCodeField,
    name: nameField,
    email: emailField,
    duties: z.optional(dutiesField),
  }),
);
export const updateRequest = named(
  'UpdateUserRequest',
  'The fields to change; a changed e-mail cancels every outstanding link and tells the old address.',
  z.strictObject({
    name: z.optional(nameField),
    email: z.optional(emailField),
    agencyCode: z.optional(agencyCodeField),
    ptjCode: z.optional(ptjCodeField),
  }),
);
export const dutiesRequest = named(
  'SetDutiesRequest',
  'Every duty the officer is to hold (replaces the list).',
  z.strictObject({ duties: dutiesField }),
);
export const reasonRequest = named(
  'ReasonRequest',
  'Why (kept in the audit trail).',
  z.strictObject({ reason: reasonField }),
);

export const dutyCatalogue = named(
  'DutyCatalogue',
  'The duties of Pengurusan Tugas, in Malay and English, and the pairs one officer may not hold in one PTJ.',
  z.strictObject({
    items: z.array(
      z.strictObject({
        code: z.enum(DUTY_CODES),
        name: z.strictObject({ ms: z.string(), en: z.string() }),
        description: z.strictObject({ ms: z.string(), en: z.string() }),
        takesApprovalLimit: z.boolean(),
        administers: z.boolean(),
      }),
    ),
    conflicts: z.array(z.array(z.string())),
  }),
);

export const progressAnswer = named(
  'Progress',
  'Activation progress per PTJ or per agency, from counters (no scan).',
  z.strictObject({
    items: z.array(
      z.strictObject({
        ptjCode: z.optional(z.string()),
        agencyCode: z.optional(z.string()),
        registered: z.int(),
        active: z.int(),
        pending: z.int(),
        disabled: z.int(),
      }),
    ),
  }),
);

const limitField = z.optional(
  z.coerce.number().check(z.int(), z.gte(1), z.lte(100), z.describe('Items per page, 1–100 (default 25).')),
);
const cursorField = z.optional(
  z.string().check(z.maxLength(2048), z.describe("The previous page's `nextCursor`, as it was given.")),
);

export const listUsersQuery = z.strictObject({
  ptjCode: z.optional(
    ptjCodeField.check(z.describe('Users of this PTJ (a PTJ administrator: one of theirs).')),
  ),
  status: z.optional(
    z.enum(['PENDING', 'ACTIVE', 'LOCKED', 'DISABLED']).check(z.describe('Users in this state.')),
  ),
  duty: z.optional(z.enum(DUTY_CODES).check(z.describe('Users who hold this duty today.'))),
  dormantDays: z.optional(
    z.coerce
      .number()
      .check(
        z.int(),
        z.gte(1),
        z.lte(3650),
        z.describe(
          'Active users with no sign-in (or activation) for at least this many days (housekeeping: 90).',
        ),
      ),
  ),
  q: z.optional(
    text(150).check(
      z.describe(
        'An IC number prefix (at least 6 digits; dashes ignored) or a name prefix (at least 2 letters).',
      ),
    ),
  ),
  limit: limitField,
  cursor: cursorField,
});

export const pageQuery = z.strictObject({ limit: limitField, cursor: cursorField });

export const listRequestsQuery = z.strictObject({
  status: z.optional(
    z.enum(['PENDING', 'APPROVED', 'REJECTED']).check(z.describe('Requests in this state.')),
  ),
  limit: limitField,
  cursor: cursorField,
});

export const auditQuery = z.strictObject({
  userId: z.optional(
    text(40).check(
      z.describe(
        "Records about this user: a user ID (`kth:900101145678`) or the bare IC number; the IC number is the key (the agency is not compared). With the other filters; a PTJ administrator sees only the records about their PTJs' users.",
      ),
    ),
  ),
  ptjCode: z.optional(ptjCodeField.check(z.describe('Records about users of this PTJ.'))),
  actor: z.optional(text(200).check(z.describe('Records of this actor (a user ID, or `automation:<arn>`).'))),
  event: z.optional(z.enum(AUDIT_EVENTS).check(z.describe('Records of this event.'))),
  from: z.optional(z.iso.datetime().check(z.describe('From this instant (ISO 8601), inclusive.'))),
  to: z.optional(z.iso.datetime().check(z.describe('Up to this instant (ISO 8601), inclusive.'))),
  limit: limitField,
  cursor: cursorField,
});

export const progressQuery = z.strictObject({
  by: z.optional(z.enum(['ptj', 'agency']).check(z.describe('Count per PTJ (default) or per agency.'))),
});

export const decisionAnswer = named(
  'Decision',
  'The request as decided; with an approval, the user as the change left it (absent when the change left no user to show).',
  z.strictObject({ request: changeRequest, user: z.optional(adminUser) }),
);

export type UserAnswer = z.infer<typeof userAnswer>;
export type RequestAnswer = z.infer<typeof requestAnswer>;
export type UserPage = z.infer<typeof userPage>;
export type RequestPage = z.infer<typeof requestPage>;
export type AuditPage = z.infer<typeof auditPage>;
export type DutyCatalogue = z.infer<typeof dutyCatalogue>;
export type ProgressAnswer = z.infer<typeof progressAnswer>;
export type DecisionAnswer = z.infer<typeof decisionAnswer>;
