import { AccountLockedError } from '../errors.ts';
import type { GuessBudget } from '../ports.ts';

export interface GuessOutcome {
  right: boolean;
  /** This wrong guess filled the budget and locked the subject. */
  locked: boolean;
}

/**
 * Checks one secret inside the guess budget: the guess is claimed before `check` runs (so at most
 * the budget is ever checked, however many arrive at once), then settled. A dependency failure
 * before the check gives the guess back. `AccountLockedError` when no guess may be made now, or
 * when a right guess finds that a lock was set while it was being checked.
 */
export async function checkGuess(
  budget: GuessBudget,
  subject: string,
  now: Date,
  check: () => Promise<boolean>,
): Promise<GuessOutcome> {
  const claim = await budget.claim(subject, now);
  let right: boolean;
  try {
    right = await check();
  } catch (error) {
    // The original failure is the answer; a guess left counted is the safe side if this fails too.
    await budget.release(claim).catch(() => undefined);
    throw error;
  }
  if (!right) return { right, ...(await budget.fail(claim, now)) };
  await budget.succeed(claim, now);
  return { right, locked: false };
}

/** Counts a wrong secret against `subject` without a check of its own (recovery answers against sign-in). */
export async function countWrongGuess(budget: GuessBudget, subject: string, now: Date): Promise<void> {
  try {
    const claim = await budget.claim(subject, now);
    await budget.fail(claim, now);
  } catch (error) {
    if (!(error instanceof AccountLockedError)) throw error;
  }
}
