import type { PasswordPolicyView } from '../lib/password-rules.ts';
import type { Stage } from '../lib/steps.ts';

/** What `POST /api/activation/verify` answers for a usable link. */
export interface VerifyActivationAnswer {
  user: { userId: string; icNumber: string; name: string; email: string; registeredAt: string };
  expiresAt: string;
  questions: { id: string; text: { ms: string; en: string } }[];
  /** How many questions the officer chooses, and the shortest answer the server takes. */
  answerCount: number;
  answerMinLength: number;
  passwordPolicy: PasswordPolicyView;
}

/** Everything the activation page holds, in one object that its parts share. */
export interface ActivationState {
  /** The link's token, from the address (lib/link.ts); gone once the link is spent. */
  token: string | undefined;
  /** The verified link; none until verify has answered. */
  link: VerifyActivationAnswer | undefined;
  stage: Stage;
  /** The link expired at Selesai: the form stays, and its draft may move to a newer link's tab. */
  expiredInPlace: boolean;
}
