import {
  MessageRejected,
  SESv2Client,
  SendEmailCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeSesClient, sesv2Mailer } from '#adapters/email/sesv2-mailer.ts';
import { EmailRejectedError, ServiceUnavailableError } from '#domain/errors.ts';
import { OFFICER } from '../support/fixtures.ts';
import { ACTIVATION_LINK, activationMail } from '../support/sample-mails.ts';

const ses = mockClient(SESv2Client);
const mailer = sesv2Mailer(makeSesClient({ region: 'ap-southeast-1' }), {
  senderEmail: 'noreply@ispeks.example.gov.my',
  senderName: 'Sistem iSPEKS',
});

function sentInput() {
  const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
  if (!input) throw new Error('no SendEmailCommand was sent');
  return input;
}

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
});

describe('sesv2Mailer', () => {
  it('sends from the configured address under the display name "Sistem iSPEKS"', async () => {
    // Act
    await mailer.send(activationMail);

    // Assert
    expect(sentInput().FromEmailAddress).toBe('"Sistem iSPEKS" <noreply@ispeks.example.gov.my>');
  });

  it("sends to the user's address only", async () => {
    // Act
    await mailer.send(activationMail);

    // Assert
    expect(sentInput().Destination).toEqual({ ToAddresses: [OFFICER.email] });
  });

  it('sends the activation e-mail with the subject "Pengaktifan Akaun iSPEKS" and both HTML and text parts', async () => {
    // Act
    await mailer.send(activationMail);

    // Assert
    const simple = sentInput().Content?.Simple;
    expect(simple?.Subject).toEqual({ Data: 'Pengaktifan Akaun iSPEKS', Charset: 'UTF-8' });
    expect(simple?.Body?.Html?.Charset).toBe('UTF-8');
    expect(simple?.Body?.Text?.Charset).toBe('UTF-8');
    expect(simple?.Body?.Html?.Data).toContain(`href="${ACTIVATION_LINK}"`);
    expect(simple?.Body?.Text?.Data).toContain(ACTIVATION_LINK);
    expect(simple?.Body?.Text?.Data).not.toMatch(/<[a-z]/i);
  });

  it('states the validity and the registration time in Malaysia time', async () => {
    // Act
    await mailer.send(activationMail);

    // Assert
    const text = sentInput().Content?.Simple?.Body?.Text?.Data;
    expect(text).toContain('14 September 2020 11:50:04 AM');
    expect(text).toContain('30 minit');
  });

  it('keeps a double quote in the display name from breaking the From header', async () => {
    // Arrange
    const quoted = sesv2Mailer(makeSesClient({ region: 'ap-southeast-1' }), {
      senderEmail: 'noreply@ispeks.example.gov.my',
      senderName: 'Sistem "iSPEKS"',
    });

    // Act
    await quoted.send(activationMail);

    // Assert
    expect(sentInput().FromEmailAddress).toBe('"Sistem iSPEKS" <noreply@ispeks.example.gov.my>');
  });

  it('reports a rejected message as EmailRejectedError (no retry can help), not as an outage', async () => {
    // Arrange
    ses
      .on(SendEmailCommand)
      .rejects(new MessageRejected({ message: 'Email address is not verified.', $metadata: {} }));

    // Act
    const attempt = mailer.send(activationMail);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(EmailRejectedError);
  });

  it('reports SES throttling as ServiceUnavailableError, worth a retry', async () => {
    // Arrange
    ses.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: 'slow down', $metadata: {} }));

    // Act
    const attempt = mailer.send(activationMail);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it('lets a programming error through unchanged', async () => {
    // Arrange
    const bug = new TypeError('boom');
    ses.on(SendEmailCommand).rejects(bug);

    // Act
    const attempt = mailer.send(activationMail);

    // Assert
    await expect(attempt).rejects.toBe(bug);
  });
});
