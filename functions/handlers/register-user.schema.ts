import type * as z from 'zod/mini';
import { adminUser, registerRequest } from './admin.schema.ts';

export const registerUserRequest = registerRequest;
export const registerUserResponse = adminUser;
export type RegisterUserResponse = z.infer<typeof registerUserResponse>;
