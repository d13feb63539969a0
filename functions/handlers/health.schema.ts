import * as z from 'zod/mini';
import { named } from './schemas.ts';

export const healthResponse = named(
  'Health',
  'The function runs.',
  z.strictObject({ status: z.literal('ok') }),
);
