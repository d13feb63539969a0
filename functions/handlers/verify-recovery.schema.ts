import { z } from 'zod';
import { tokenField } from './schemas.ts';

export const verifyRecoverySchema = z.strictObject({ token: tokenField });
