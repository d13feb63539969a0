import { z } from 'zod';
import { userIdField } from './schemas.ts';

export const resendActivationSchema = z.strictObject({ userId: userIdField });
