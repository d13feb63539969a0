/** Everything the recovery page holds, in one object. */
export interface RecoveryState {
  /** The link's token, from the address (lib/link.ts); gone once the link is spent. */
  token: string | undefined;
  /** The ID this tab last asked a link for, or that verify named: a new link then needs no typing. */
  knownUserId: string | undefined;
}
