import { z } from 'zod';
import { secretField, userIdField } from './schemas.ts';

export const loginSchema = z.strictObject({ userId: userIdField, password: secretField });
