import { AlreadyActiveError, TokenExpiredError, TokenInvalidError } from '../errors.ts';
import type { ActivationStore } from '../ports.ts';
import { hashToken, isExpired } from '../token.ts';
import type { TokenRecord } from '../user.ts';

/**
 * Looks a link's token up by its hash and says what it is worth now. Expiry is checked here,
 * since DynamoDB TTL may leave an expired item for up to two days.
 */
export async function findUsableToken(
  activations: ActivationStore,
  token: string,
  now: Date,
): Promise<TokenRecord> {
  const record = await activations.find(hashToken(token));
  if (record?.purpose !== 'ACTIVATION') throw new TokenInvalidError();
  if (record.usedAt) throw new AlreadyActiveError();
  if (isExpired(record.expiresAt, now)) throw new TokenExpiredError();
  return record;
}
