import { ServiceUnavailableError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { Report } from './notices.ts';

export interface UniformAnswerSettings {
  /** Floor on the answer time, so timing tells nothing either. */
  minResponseMs: number;
}

/**
 * Answers `uniform` whatever happens for this ID, after at least `minResponseMs`. `work` does the
 * lookup every ID makes (its failure still answers 503: it tells nothing about the ID), then runs
 * the part that differs per ID inside `after`, whose every failure is reported and swallowed.
 */
export async function answerUniformly<T>(
  clock: Clock,
  settings: UniformAnswerSettings,
  uniform: T,
  report: Report | undefined,
  work: (after: (perId: () => Promise<void>) => Promise<void>) => Promise<void>,
): Promise<T> {
  const started = clock.now().getTime();
  try {
    await work(async (perId) => {
      try {
        await perId();
      } catch (error) {
        report?.(
          error instanceof ServiceUnavailableError ? 'dependency failure hidden' : 'refusal hidden',
          error,
        );
      }
    });
    return uniform;
  } finally {
    const elapsed = clock.now().getTime() - started;
    if (elapsed < settings.minResponseMs) await clock.sleep(settings.minResponseMs - elapsed);
  }
}
