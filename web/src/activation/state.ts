import type { VerifyActivationResponse } from '../../../functions/api/types.ts';
import type { Stage } from '../lib/steps.ts';

/** Everything the activation page holds, in one object that its parts share. */
export interface ActivationState {
  /** The link's token, from the address (lib/link.ts); gone once the link is spent. */
  token: string | undefined;
  /** The verified link; none until verify has answered. */
  link: VerifyActivationResponse | undefined;
  stage: Stage;
  /** The link expired at Selesai: the form stays, and its draft may move to a newer link's tab. */
  expiredInPlace: boolean;
}
