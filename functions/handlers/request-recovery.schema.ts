import { z } from 'zod';
import { userIdField } from './schemas.ts';

export const requestRecoverySchema = z.strictObject({ userId: userIdField });
