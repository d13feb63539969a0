import { createHash } from 'node:crypto';

/**
 * The guess budget (sign-in passwords, recovery answers): at most `maxGuesses` secrets are ever
 * checked per lock window for one ID, however many requests arrive at once. A guess is *claimed*
 * with a conditional write before it is checked, never counted after; the claim that fills the
 * budget and turns out wrong locks the ID for `lockSeconds`.
 *
 * Every ID is counted alike (unknown, pending and active IDs, keyed by a hash of the ID), so the
 * sequence of answers tells nobody which IDs exist.
 */
export interface GuessState {
  /** Guesses claimed since the last success or lock, including those still being checked. */
  count: number;
  /** Epoch ms; no guess may be claimed before it. */
  lockedUntil?: number;
  /** Changes on every lock and every success, so a late failure cannot lock a window that ended. */
  generation: number;
}

export interface GuessLimits {
  maxGuesses: number;
  lockSeconds: number;
}

export type GuessKind = 'signin' | 'recovery';

/** The budget's key: a hash, so the table holds no ID numbers (and unknown IDs cost the same). */
export function guessSubject(kind: GuessKind, icNumber: string): string {
  return createHash('sha256').update(`${kind}:${icNumber}`, 'utf8').digest('hex');
}

export function isLocked(state: GuessState | undefined, now: number): boolean {
  return state?.lockedUntil !== undefined && state.lockedUntil > now;
}

/** Whether one more guess may be claimed now. */
export function canClaim(state: GuessState | undefined, now: number, limits: GuessLimits): boolean {
  return !isLocked(state, now) && (state?.count ?? 0) < limits.maxGuesses;
}

/** Seconds to tell a refused caller: the lock's rest, or a whole window while guesses are in flight. */
export function refusalWaitSeconds(state: GuessState | undefined, now: number, limits: GuessLimits): number {
  if (state?.lockedUntil !== undefined && state.lockedUntil > now) {
    return Math.max(1, Math.ceil((state.lockedUntil - now) / 1000));
  }
  return limits.lockSeconds;
}

/** A wrong guess locks when it was the one that filled the budget, in a window still open. */
export function failureLocks(claimedCount: number, limits: GuessLimits): boolean {
  return claimedCount >= limits.maxGuesses;
}

/** Budget items are forgotten a day after the last guess (or the end of a lock). */
export const GUESS_MEMORY_SECONDS = 24 * 3600;
