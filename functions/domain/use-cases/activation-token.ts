import { TokenInvalidError } from '../errors.ts';
import { type TokenRecord, tokenRefusal } from '../links.ts';
import type { LinkStore } from '../ports.ts';
import { hashToken } from '../token.ts';

/** Looks an activation link's token up by its hash and refuses it for the reason `tokenRefusal` names. */
export async function findUsableToken(links: LinkStore, token: string, now: Date): Promise<TokenRecord> {
  const record = await links.find(hashToken(token));
  const refusal = tokenRefusal(record, 'ACTIVATION', now);
  if (refusal || !record) throw refusal ?? new TokenInvalidError();
  return record;
}
