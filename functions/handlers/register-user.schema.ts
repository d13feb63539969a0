import * as z from 'zod/mini';
import { AGENCY_CODE } from '#domain/user-id.ts';
import { named, text, timestamp, userIdField } from './schemas.ts';

const ROLE = /^[A-Z][A-Z0-9_]{1,39}$/;

export const registerUserRequest = named(
  'RegisterRequest',
  'An officer to register; the activation e-mail is asked for separately.',
  z.strictObject({
    icNumber: userIdField,
    agencyCode: z.optional(z.string().check(z.regex(AGENCY_CODE))),
    name: text(150).check(
      z.refine((s) => s.trim().length >= 2, { message: 'too short', params: { code: 'TOO_SHORT' } }),
    ),
    email: z.email().check(z.maxLength(254)),
    roles: z.optional(z.array(z.string().check(z.regex(ROLE))).check(z.maxLength(50))),
  }),
);
export const registerUserResponse = named(
  'AdminUser',
  'A user as administrators see it: never a hash or a token.',
  z.strictObject({
    userId: z.string(),
    icNumber: z.string(),
    agencyCode: z.nullable(z.string()),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    status: z.enum(['PENDING', 'ACTIVE']),
    registeredAt: timestamp,
    activatedAt: z.nullable(timestamp),
    lastLoginAt: z.nullable(timestamp),
  }),
);
export type RegisterUserResponse = z.infer<typeof registerUserResponse>;
