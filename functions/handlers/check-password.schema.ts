import * as z from 'zod/mini';
import { named, secretField, tokenField } from './schemas.ts';

export const checkPasswordRequest = named(
  'PasswordCheckRequest',
  "A password, and an activation or recovery link's token whose officer's data is checked too (without one, the signed-in officer's, if any).",
  z.strictObject({ password: secretField, token: z.optional(tokenField) }),
);
export const checkPasswordResponse = named(
  'PasswordCheckResponse',
  "Every rule the password breaks, in a stable order (the codes of activation's field problems on `password`).",
  z.strictObject({ unmet: z.array(z.string()) }),
);
export type CheckPasswordResponse = z.infer<typeof checkPasswordResponse>;
