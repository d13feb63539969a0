import { z } from 'zod';
import { tokenField } from './schemas.ts';

export const verifyActivationSchema = z.strictObject({ token: tokenField });
