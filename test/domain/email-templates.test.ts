import { describe, expect, it } from 'vitest';
import {
  formatMalaysiaTime,
  renderActivationMail,
  renderAlreadyActiveMail,
} from '../../functions/adapters/email/templates.ts';
import type { ActivationMail } from '../../functions/domain/ports.ts';

const LINK = 'https://ispeks.example.gov.my/account/activation#token=AbC-123_xyz';

const mail: ActivationMail = {
  kind: 'activation',
  to: 'aisyah.ahmad@example.gov.my',
  name: 'AISYAH BINTI AHMAD',
  registeredAt: '2020-09-14T03:50:04Z',
  link: LINK,
  validMinutes: 30,
};

const malayLines = [
  'Notifikasi iSPEKS',
  'Pendaftaran Akaun iSPEKS',
  'Pendaftaran akaun iSPEKS anda telah berjaya pada 14 September 2020 11:50:04 AM.',
  'Sekiranya butang di atas tidak berfungsi, sila klik pada pautan di bawah.',
  '***Sila ambil maklum bahawa pautan ini sah dalam tempoh 30 minit sahaja.',
  'Terima kasih.',
];

describe('renderActivationMail', () => {
  it("uses the source's subject", () => {
    // Act
    const { subject } = renderActivationMail(mail);

    // Assert
    expect(subject).toBe('Pengaktifan Akaun iSPEKS');
  });

  it("carries the source's Malay text, with the registration time in Malaysia time, in HTML", () => {
    // Act
    const { html } = renderActivationMail(mail);

    // Assert
    for (const line of malayLines) expect(html).toContain(line);
    expect(html).toMatch(/<a href="[^"]*"[^>]*>Pengaktifan Akaun<\/a>/);
  });

  it('carries the same Malay text in the plain-text part, button sentence aside', () => {
    // Arrange
    const textLines = malayLines.filter((line) => !line.startsWith('Sekiranya butang'));

    // Act
    const { text } = renderActivationMail(mail);

    // Assert
    for (const line of textLines) expect(text).toContain(line);
    expect(text).toContain('Sila klik pada pautan di bawah untuk mengaktifkan akaun anda:');
  });

  it('puts the link behind the button and as a visible fallback, in both languages', () => {
    // Act
    const { html, text } = renderActivationMail(mail);

    // Assert
    expect(html.split(`href="${LINK}"`)).toHaveLength(5);
    expect(html).toContain(`>${LINK}</a>`);
    expect(text.split(LINK)).toHaveLength(3);
  });

  it('opens every link in a window of its own, since the pages refuse to be framed', () => {
    // Act
    const { html } = renderActivationMail(mail);

    // Assert
    const anchors = html.match(/<a [^>]*>/g) ?? [];
    expect(anchors).toHaveLength(4);
    for (const anchor of anchors) expect(anchor).toContain('target="_blank" rel="noopener noreferrer"');
  });

  it('puts the English part below the Malay one', () => {
    // Act
    const { html, text } = renderActivationMail(mail);

    // Assert
    for (const part of [html, text]) {
      const malayEnd = part.indexOf('Terima kasih.');
      expect(malayEnd).toBeGreaterThan(-1);
      expect(part.indexOf('iSPEKS account registration')).toBeGreaterThan(malayEnd);
      expect(
        part.indexOf('Your iSPEKS account registration succeeded on 14 September 2020 11:50:04 AM.'),
      ).toBeGreaterThan(malayEnd);
      expect(part.indexOf('***Note that this link is valid for 30 minutes only.')).toBeGreaterThan(malayEnd);
    }
  });

  it('states the configured lifetime of the link', () => {
    // Act
    const { html, text } = renderActivationMail({ ...mail, validMinutes: 15 });

    // Assert
    expect(html).toContain('sah dalam tempoh 15 minit sahaja.');
    expect(text).toContain('sah dalam tempoh 15 minit sahaja.');
  });

  it('escapes a link containing HTML syntax in the HTML part only', () => {
    // Arrange
    const hostile = 'https://ispeks.example.gov.my/account/activation#token="><script>x</script>\'&';

    // Act
    const { html, text } = renderActivationMail({ ...mail, link: hostile });

    // Assert
    expect(html).not.toContain('"><script>');
    expect(html).toContain('#token=&quot;&gt;&lt;script&gt;x&lt;/script&gt;&#39;&amp;');
    expect(text).toContain(hostile);
  });
});

describe('renderAlreadyActiveMail', () => {
  it('says the account is already active and points to password recovery', () => {
    // Arrange
    const recoveryLink = 'https://ispeks.example.gov.my/account/recovery';

    // Act
    const rendered = renderAlreadyActiveMail({
      kind: 'already-active',
      to: 'ali@example.gov.my',
      name: 'ALI BIN ABU',
      recoveryLink,
    });

    // Assert
    expect(rendered.subject).toBe('Akaun iSPEKS Telah Aktif');
    expect(rendered.html).toContain('Akaun iSPEKS anda telah pun diaktifkan.');
    expect(rendered.html).toContain(
      `<a href="${recoveryLink}" target="_blank" rel="noopener noreferrer">Lupa Kata Laluan</a>`,
    );
    expect(rendered.text).toContain(recoveryLink);
    expect(rendered.html).not.toContain('activation#token=');
  });
});

describe('formatMalaysiaTime', () => {
  it.each([
    ['a morning time', '2020-09-14T03:50:04Z', 'ms', '14 September 2020 11:50:04 AM'],
    ['an afternoon time', '2020-09-14T06:05:09Z', 'ms', '14 September 2020 02:05:09 PM'],
    ['noon', '2020-09-14T04:00:00Z', 'ms', '14 September 2020 12:00:00 PM'],
    [
      'a time just after midnight, on the next Malaysian day',
      '2020-09-14T16:07:00Z',
      'ms',
      '15 September 2020 12:07:00 AM',
    ],
    ['a Malay month name', '2021-08-01T00:00:00Z', 'ms', '1 Ogos 2021 08:00:00 AM'],
    ['an English month name', '2021-08-01T00:00:00Z', 'en', '1 August 2021 08:00:00 AM'],
    ['the turn of the year in Malaysia', '2020-12-31T16:30:00Z', 'en', '1 January 2021 12:30:00 AM'],
  ] as const)('formats %s', (_case, iso, lang, expected) => {
    // Act
    const formatted = formatMalaysiaTime(iso, lang);

    // Assert
    expect(formatted).toBe(expected);
  });
});
