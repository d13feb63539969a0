import { createHash } from 'node:crypto';

/** Random bytes (crypto in production); a port, listed with the others in `ports.ts`. */
export interface RandomSource {
  bytes(length: number): Uint8Array;
}

export const TOKEN_BYTES = 32;

export interface IssuedToken {
  /** The secret that goes into the link, base64url; never stored or logged. */
  token: string;
  tokenHash: string;
  issuedAt: Date;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function issueToken(random: RandomSource, now: Date, ttlSeconds: number): IssuedToken {
  const token = Buffer.from(random.bytes(TOKEN_BYTES)).toString('base64url');
  return {
    token,
    tokenHash: hashToken(token),
    issuedAt: now,
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
  };
}

export function isExpired(expiresAt: string, now: Date): boolean {
  return Date.parse(expiresAt) <= now.getTime();
}
