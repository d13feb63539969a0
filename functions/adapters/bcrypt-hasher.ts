import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { SecretHasher } from '#domain/ports.ts';

/**
 * bcrypt reads only 72 bytes, so the secret is first reduced to its SHA-256 digest (44 base64
 * characters): a 128-character password is hashed whole, never silently truncated.
 */
function prehash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64');
}

export function bcryptHasher(cost: number): SecretHasher {
  return {
    hash: (secret) => bcrypt.hash(prehash(secret), cost),
    verify: (secret, hash) => bcrypt.compare(prehash(secret), hash),
  };
}
