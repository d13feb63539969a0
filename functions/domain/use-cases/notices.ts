import type { Mail, Mailer } from '../ports.ts';

/** Where a failure that must not change the answer is told (the log, in the composition root). */
export type Report = (what: string, error: unknown) => void;

/**
 * Sends a notice the officer should get, after the change it reports has already happened: a
 * failure to send cannot undo the change and must not fail the answer, so it is reported instead.
 */
export async function sendNotice(mailer: Mailer, mail: Mail, report: Report | undefined): Promise<void> {
  try {
    await mailer.send(mail);
  } catch (error) {
    report?.(`${mail.kind} notice not sent`, error);
  }
}
