import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeSesClient, sesv2Mailer } from '#adapters/email/sesv2-mailer.ts';
import { renderMail } from '#adapters/email/templates.ts';
import { sampleMails } from '../support/sample-mails.ts';

const ses = mockClient(SESv2Client);
const mailer = sesv2Mailer(makeSesClient({ region: 'ap-southeast-1' }), {
  senderEmail: 'noreply@ispeks.example.gov.my',
  senderName: 'Sistem iSPEKS',
});

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
});

describe('sesv2Mailer', () => {
  it.each(Object.values(sampleMails))('sends a $kind mail as its own template renders it', async (mail) => {
    // Arrange
    const expected = renderMail(mail);

    // Act
    await mailer.send(mail);

    // Assert
    const simple = ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple;
    expect(simple?.Subject?.Data).toBe(expected.subject);
    expect(simple?.Body?.Html?.Data).toBe(expected.html);
    expect(simple?.Body?.Text?.Data).toBe(expected.text);
  });
});
