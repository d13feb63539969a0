import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { EmailRejectedError } from '#domain/errors.ts';
import type { Mailer } from '#domain/ports.ts';
import { isPermanentEmailRefusal, toDomainError } from '../aws-errors.ts';
import { ATTEMPT_LIMITS, budgetedTransport } from '../time-budget.ts';
import { renderMail } from './templates.ts';

export interface SenderSettings {
  senderEmail: string;
  senderName: string;
}

/** Retries throttling and timeouts with back-off, inside the request's time budget (time-budget.ts). */
export function makeSesClient({
  region,
  endpoint,
  limits = ATTEMPT_LIMITS.ses,
}: {
  region: string;
  endpoint?: string | undefined;
  limits?: { connectionTimeoutMs: number; requestTimeoutMs: number; maxAttempts: number };
}): SESv2Client {
  return new SESv2Client({
    region,
    ...(endpoint ? { endpoint } : {}),
    ...budgetedTransport(limits),
  });
}

/** Sends through SES v2 from the configured sender, HTML and plain-text parts. */
export function sesv2Mailer(client: SESv2Client, settings: SenderSettings): Mailer {
  const from = `"${settings.senderName.replace(/"/g, '')}" <${settings.senderEmail}>`;
  return {
    async send(mail) {
      const rendered = renderMail(mail);
      try {
        await client.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [mail.to] },
            Content: {
              Simple: {
                Subject: { Data: rendered.subject, Charset: 'UTF-8' },
                Body: {
                  Html: { Data: rendered.html, Charset: 'UTF-8' },
                  Text: { Data: rendered.text, Charset: 'UTF-8' },
                },
              },
            },
          }),
        );
      } catch (error) {
        // A refusal for good is no outage: no Retry-After, and the cause (which may name the
        // recipient) travels only as the error's cause, which is logged by name and code.
        if (isPermanentEmailRefusal(error)) throw new EmailRejectedError({ cause: error });
        throw toDomainError(error, 'E-mail');
      }
    },
  };
}
