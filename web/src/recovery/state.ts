import type { PasswordPolicyView } from '../lib/password-rules.ts';

/** What `POST /api/recovery/verify` answers for a usable link. */
export interface VerifyRecoveryAnswer {
  user: { userId: string; name: string };
  expiresAt: string;
  /** The link's questions (two of the officer's three), fixed for the link. */
  questions: { id: string; text: { ms: string; en: string } }[];
  answerMinLength: number;
  passwordPolicy: PasswordPolicyView;
}

/** Everything the recovery page holds, in one object. */
export interface RecoveryState {
  /** The link's token, from the address (lib/link.ts); gone once the link is spent. */
  token: string | undefined;
  /** The ID this tab last asked a link for, or that verify named: a new link then needs no typing. */
  knownUserId: string | undefined;
}
