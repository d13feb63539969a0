import { z } from 'zod';
import { secretField, tokenField } from './schemas.ts';

export const checkPasswordSchema = z.strictObject({ password: secretField, token: tokenField.optional() });
