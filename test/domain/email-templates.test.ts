import { describe, expect, it } from 'vitest';
import {
  renderActivationMail,
  renderAlreadyActiveMail,
  renderMail,
} from '../../functions/adapters/email/templates.ts';
import type { Mail } from '../../functions/domain/ports.ts';
import { OFFICER } from '../support/fixtures.ts';
import {
  ACTIVATION_LINK,
  activationMail,
  alreadyActiveMail,
  RECOVERY_LINK,
  RECOVERY_PAGE,
  sampleMails,
} from '../support/sample-mails.ts';

/** What every kind must say; `ifNotYou` is its sentence for a mail the officer did not cause. */
const kinds: { kind: Mail['kind']; subject: string; link: string; ifNotYou: [string, string] }[] = [
  {
    kind: 'activation',
    subject: 'Pengaktifan Akaun iSPEKS',
    link: ACTIVATION_LINK,
    ifNotYou: [
      'Sekiranya anda tidak memohon emel ini, abaikan sahaja; akaun anda tidak akan diaktifkan tanpa pautan ini.',
      'If you did not ask for this e-mail, ignore it; your account will not be activated without this link.',
    ],
  },
  {
    kind: 'already-active',
    subject: 'Akaun iSPEKS Telah Aktif',
    link: RECOVERY_PAGE,
    ifNotYou: [
      'Sekiranya anda tidak memohon emel ini, abaikan sahaja; tiada perubahan dibuat pada akaun anda.',
      'If you did not ask for this e-mail, ignore it; nothing has changed on your account.',
    ],
  },
  {
    kind: 'recovery',
    subject: 'Tetapan Semula Kata Laluan iSPEKS',
    link: RECOVERY_LINK,
    ifNotYou: [
      'Sekiranya anda tidak memohon emel ini, abaikan sahaja; kata laluan anda tidak akan berubah, dan tiada sesiapa boleh menggunakan pautan ini tanpa jawapan kepada soalan keselamatan anda.',
      'If you did not ask for this e-mail, ignore it; your password stays unchanged, and nobody can use this link without the answers to your security questions.',
    ],
  },
  {
    kind: 'password-changed',
    subject: 'Kata Laluan iSPEKS Telah Ditukar',
    link: RECOVERY_PAGE,
    ifNotYou: [
      'Sekiranya anda tidak membuat perubahan ini, sila tetapkan semula kata laluan anda dengan segera melalui Lupa Kata Laluan dan maklumkan kepada Pentadbir PTJ anda.',
      'If you did not make this change, reset your password at once through Forgot Password and tell your PTJ administrator (Pentadbir PTJ).',
    ],
  },
  {
    kind: 'account-locked',
    subject: 'Akaun iSPEKS Dikunci Sementara',
    link: RECOVERY_PAGE,
    ifNotYou: [
      'Sekiranya cubaan tersebut tidak dibuat oleh anda, mungkin ada pihak yang cuba meneka kata laluan anda. Sila tetapkan semula kata laluan anda dan maklumkan kepada Pentadbir PTJ anda.',
      'If they were not yours, someone may be guessing your password. Reset your password and tell your PTJ administrator (Pentadbir PTJ).',
    ],
  },
];

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.each(kinds)('renderMail for a $kind mail', ({ kind, subject, link, ifNotYou }) => {
  const mail = sampleMails[kind];

  it(`uses the subject "${subject}"`, () => {
    // Act
    const rendered = renderMail(mail);

    // Assert
    expect(rendered.subject).toBe(subject);
  });

  it('opens with the heading "Notifikasi iSPEKS" in both parts', () => {
    // Act
    const { html, text } = renderMail(mail);

    // Assert
    expect(html).toContain('<h1 style="font-size:20px;margin:0 0 4px">Notifikasi iSPEKS</h1>');
    expect(text.startsWith('Notifikasi iSPEKS\n')).toBe(true);
  });

  it('greets the officer by name, in Malay and then in English, in both parts', () => {
    // Act
    const { html, text } = renderMail(mail);

    // Assert
    for (const part of [html, text]) {
      const malay = part.indexOf(`Salam sejahtera ${OFFICER.name},`);
      expect(malay).toBeGreaterThan(-1);
      expect(part.indexOf(`Dear ${OFFICER.name},`)).toBeGreaterThan(malay);
    }
  });

  it('puts the whole Malay part above the English one', () => {
    // Act
    const { html, text } = renderMail(mail);

    // Assert
    const malayEndHtml = html.indexOf('<p>Terima kasih.</p>');
    expect(malayEndHtml).toBeGreaterThan(html.indexOf(ifNotYou[0]));
    expect(html.indexOf('<div lang="en">')).toBeGreaterThan(malayEndHtml);
    expect(html.indexOf(ifNotYou[1])).toBeGreaterThan(html.indexOf('<div lang="en">'));
    const malayEndText = text.indexOf('Terima kasih.');
    expect(malayEndText).toBeGreaterThan(text.indexOf(ifNotYou[0]));
    expect(text.indexOf(ifNotYou[1])).toBeGreaterThan(malayEndText);
    expect(text.trimEnd().endsWith('Thank you.')).toBe(true);
  });

  it('says what to do if the officer did not cause it, in both languages and both parts', () => {
    // Act
    const { html, text } = renderMail(mail);

    // Assert
    for (const sentence of ifNotYou) {
      expect(html).toContain(sentence);
      expect(text).toContain(sentence);
    }
  });

  it('puts the link behind one button and as a visible fallback per language, and in the plain text', () => {
    // Act
    const { html, text } = renderMail(mail);

    // Assert
    expect(count(html, `href="${link}"`)).toBe(4);
    expect(count(html, `>${link}</a>`)).toBe(2);
    expect(count(html, 'Sekiranya butang di atas tidak berfungsi, sila klik pada pautan di bawah.')).toBe(1);
    expect(count(html, 'If the button does not work, click the link below.')).toBe(1);
    expect(count(text, link)).toBe(2);
  });

  it('opens every link in a window of its own, since the pages refuse to be framed', () => {
    // Act
    const { html } = renderMail(mail);

    // Assert
    const anchors = html.match(/<a [^>]*>/g) ?? [];
    expect(anchors).toHaveLength(4);
    for (const anchor of anchors) expect(anchor).toContain('target="_blank" rel="noopener noreferrer"');
  });

  it('keeps HTML out of the plain-text part', () => {
    // Act
    const { text } = renderMail(mail);

    // Assert
    expect(text).not.toMatch(/<[a-z/!]/i);
  });

  it('escapes a name carrying HTML in the HTML part, and keeps it as written in the text', () => {
    // Arrange
    const hostile = '<script>alert("x")</script> & \'co\'';

    // Act
    const { html, text } = renderMail({ ...mail, name: hostile });

    // Assert
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      'Salam sejahtera &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;,',
    );
    expect(html).toContain('Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;,');
    expect(text).toContain(`Salam sejahtera ${hostile},`);
  });
});

describe.each(['already-active', 'password-changed', 'account-locked'] as const)(
  'renderMail for a %s notice',
  (kind) => {
    it('carries no token: its only link is the Lupa Kata Laluan page', () => {
      // Act
      const { html, text } = renderMail(sampleMails[kind]);

      // Assert
      const htmlLinks = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      const textLinks = text.match(/https?:\/\/\S+/g) ?? [];
      for (const found of [...htmlLinks, ...textLinks]) expect(found).toBe(RECOVERY_PAGE);
      expect(html).not.toContain('token');
      expect(text).not.toContain('token');
      expect(html).toMatch(/<a href="[^"]*"[^>]*>Lupa Kata Laluan<\/a>/);
      expect(html).toMatch(/<a href="[^"]*"[^>]*>Forgot Password<\/a>/);
    });
  },
);

describe('renderMail', () => {
  it('refuses a kind it has no template for', () => {
    // Arrange
    const unknown = { ...activationMail, kind: 'welcome' } as unknown as Mail;

    // Act
    const render = () => renderMail(unknown);

    // Assert
    expect(render).toThrow('No e-mail template for kind welcome');
  });
});

const seedLines = [
  'Notifikasi iSPEKS',
  'Pendaftaran Akaun iSPEKS',
  'Pendaftaran akaun iSPEKS anda telah berjaya pada 14 September 2020 11:50:04 AM.',
  'Sekiranya butang di atas tidak berfungsi, sila klik pada pautan di bawah.',
  '***Sila ambil maklum bahawa pautan ini sah dalam tempoh 30 minit sahaja.',
  'Terima kasih.',
];

describe('renderActivationMail', () => {
  it("carries the source's Malay text, with the registration time in Malaysia time, in HTML", () => {
    // Act
    const { html } = renderActivationMail(activationMail);

    // Assert
    for (const line of seedLines) expect(html).toContain(line);
    expect(html).toContain('Sila klik pada butang di bawah untuk mengaktifkan akaun anda');
    expect(html).toMatch(/<a href="[^"]*"[^>]*>Pengaktifan Akaun<\/a>/);
  });

  it('carries the same Malay text in the plain-text part, button sentence aside', () => {
    // Arrange
    const textLines = seedLines.filter((line) => !line.startsWith('Sekiranya butang'));

    // Act
    const { text } = renderActivationMail(activationMail);

    // Assert
    for (const line of textLines) expect(text).toContain(line);
    expect(text).toContain(
      `Sila klik pada pautan di bawah untuk mengaktifkan akaun anda:\n${ACTIVATION_LINK}`,
    );
  });

  it('gives the English below, with the same time and lifetime', () => {
    // Act
    const { html, text } = renderActivationMail(activationMail);

    // Assert
    for (const part of [html, text]) {
      const malayEnd = part.indexOf('Terima kasih.');
      expect(
        part.indexOf('Your iSPEKS account registration succeeded on 14 September 2020 11:50:04 AM.'),
      ).toBeGreaterThan(malayEnd);
      expect(part.indexOf('***Note that this link is valid for 30 minutes only.')).toBeGreaterThan(malayEnd);
    }
    expect(html).toMatch(/<a href="[^"]*"[^>]*>Activate account<\/a>/);
  });

  it('states the configured lifetime of the link', () => {
    // Act
    const { html, text } = renderActivationMail({ ...activationMail, validMinutes: 15 });

    // Assert
    for (const part of [html, text]) {
      expect(part).toContain('sah dalam tempoh 15 minit sahaja.');
      expect(part).toContain('valid for 15 minutes only.');
    }
  });

  it('escapes a link containing HTML syntax in the HTML part only', () => {
    // Arrange
    const hostile = 'https://ispeks.example.gov.my/account/activation#token="><script>x</script>\'&';

    // Act
    const { html, text } = renderActivationMail({ ...activationMail, link: hostile });

    // Assert
    expect(html).not.toContain('"><script>');
    expect(html).toContain('#token=&quot;&gt;&lt;script&gt;x&lt;/script&gt;&#39;&amp;');
    expect(text).toContain(hostile);
  });
});

describe('renderAlreadyActiveMail', () => {
  it('says the account is already active and no activation link was sent', () => {
    // Act
    const { html, text } = renderAlreadyActiveMail(alreadyActiveMail);

    // Assert
    for (const part of [html, text]) {
      expect(part).toContain(
        'Akaun iSPEKS anda telah pun diaktifkan. Oleh itu, tiada pautan pengaktifan dihantar.',
      );
      expect(part).toContain('Your iSPEKS account is already active, so no activation link was sent.');
    }
  });

  it('points to Lupa Kata Laluan for a forgotten password', () => {
    // Act
    const { html, text } = renderAlreadyActiveMail(alreadyActiveMail);

    // Assert
    expect(html).toContain(
      `<a href="${RECOVERY_PAGE}" target="_blank" rel="noopener noreferrer" style="display:inline-block;`,
    );
    expect(text).toContain(
      `Sila klik pada pautan di bawah untuk menetapkan semula kata laluan anda:\n${RECOVERY_PAGE}`,
    );
  });
});
