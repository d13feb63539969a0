import { z } from 'zod';
import { AGENCY_CODE } from '#domain/user-id.ts';
import { text, userIdField } from './schemas.ts';

const ROLE = /^[A-Z][A-Z0-9_]{1,39}$/;

export const registerUserSchema = z.strictObject({
  icNumber: userIdField,
  agencyCode: z.string().regex(AGENCY_CODE).optional(),
  name: text(150).refine((s) => s.trim().length >= 2, {
    message: 'too short',
    params: { code: 'TOO_SHORT' },
  }),
  email: z.email().max(254),
  roles: z.array(z.string().regex(ROLE)).max(50).optional(),
});
