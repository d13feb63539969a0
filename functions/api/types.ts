/**
 * The answers of the API as TypeScript types, for the pages (`import type` only: nothing enters a
 * page's bundle). They are inferred from the very schemas the route table documents, so a page
 * cannot drift from what a handler answers.
 */
export type { ActivateAccountResponse } from '../handlers/activate-account.schema.ts';
export type { ChangePasswordResponse } from '../handlers/change-password.schema.ts';
export type { CheckPasswordResponse } from '../handlers/check-password.schema.ts';
export type { SessionResponse } from '../handlers/get-session.schema.ts';
export type { LoginResponse } from '../handlers/login.schema.ts';
export type { RequestRecoveryResponse } from '../handlers/request-recovery.schema.ts';
export type { ResendActivationResponse } from '../handlers/resend-activation.schema.ts';
export type { ResetPasswordResponse } from '../handlers/reset-password.schema.ts';
export type { VerifyActivationResponse } from '../handlers/verify-activation.schema.ts';
export type { VerifyRecoveryResponse } from '../handlers/verify-recovery.schema.ts';
