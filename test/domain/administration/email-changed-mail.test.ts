import { describe, expect, it } from 'vitest';
import { renderMail } from '../../../functions/adapters/email/templates.ts';
import { emailChangedMail } from '../../support/sample-mails.ts';

describe('the email-changed notice', () => {
  it('tells the old address, in Malay and in English, the masked new address and when', () => {
    // Act
    const { subject, html, text } = renderMail(emailChangedMail);

    // Assert
    expect(subject).toBe('Alamat Emel iSPEKS Telah Ditukar');
    for (const part of [html, text]) {
      expect(part).toContain(
        'Alamat emel akaun iSPEKS anda telah ditukar oleh pentadbir pada 5 Mac 2024 10:00:00 AM kepada a***********h@example.gov.my.',
      );
      expect(part).toContain(
        'The e-mail address of your iSPEKS account was changed by an administrator on 5 March 2024 10:00:00 AM to a***********h@example.gov.my.',
      );
      expect(part).toContain('Sekiranya anda tidak memohon perubahan ini');
      expect(part).toContain('If you did not ask for this change');
    }
  });

  it('carries no link at all', () => {
    // Act
    const { html, text } = renderMail(emailChangedMail);

    // Assert
    expect(html).not.toContain('<a ');
    expect(text).not.toMatch(/https?:\/\//);
  });
});
