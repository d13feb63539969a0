import type { ActivationMail, AlreadyActiveMail } from '#domain/ports.ts';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const MS_MONTHS = [
  'Januari',
  'Februari',
  'Mac',
  'April',
  'Mei',
  'Jun',
  'Julai',
  'Ogos',
  'September',
  'Oktober',
  'November',
  'Disember',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2020-09-14T03:50:04Z` → `14 September 2020 11:50:04 AM` in Malaysia time (UTC+8, no DST). */
export function formatMalaysiaTime(iso: string, lang: 'ms' | 'en'): string {
  const t = new Date(Date.parse(iso) + 8 * 3_600_000);
  const hours = t.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = (lang === 'ms' ? MS_MONTHS : EN_MONTHS)[t.getUTCMonth()];
  return `${t.getUTCDate()} ${month} ${t.getUTCFullYear()} ${pad(h12)}:${pad(t.getUTCMinutes())}:${pad(
    t.getUTCSeconds(),
  )} ${hours < 12 ? 'AM' : 'PM'}`;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/**
 * Links open in a window of their own: the pages refuse to be framed (frame-ancestors 'none'), and
 * web mail and the local inbox show a message inside a frame.
 */
const NEW_WINDOW = ' target="_blank" rel="noopener noreferrer"';

const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5';

function layout(paragraphs: string, lang: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="margin:0;padding:16px;background:#f4f6f8"><div style="max-width:560px;margin:0 auto;background:#fff;padding:24px;${FONT}">${paragraphs}</div></body></html>`;
}

function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${href}"${NEW_WINDOW} style="display:inline-block;background:#0b5394;color:#fff;padding:12px 20px;text-decoration:none;border-radius:4px;font-weight:bold">${label}</a></p>`;
}

/** The source procedure's step-4 e-mail, in Malay with English below. */
export function renderActivationMail(mail: ActivationMail): RenderedMail {
  const link = escapeHtml(mail.link);
  const atMs = formatMalaysiaTime(mail.registeredAt, 'ms');
  const atEn = formatMalaysiaTime(mail.registeredAt, 'en');
  const minutes = mail.validMinutes;
  const html = layout(
    `<h1 style="font-size:20px;margin:0 0 4px">Notifikasi iSPEKS</h1>
<h2 style="font-size:16px;margin:0 0 16px">Pendaftaran Akaun iSPEKS</h2>
<p>Pendaftaran akaun iSPEKS anda telah berjaya pada ${atMs}.</p>
<p>Sila klik pada butang di bawah untuk mengaktifkan akaun anda</p>
${button(link, 'Pengaktifan Akaun')}
<p>Sekiranya butang di atas tidak berfungsi, sila klik pada pautan di bawah.</p>
<p style="word-break:break-all"><a href="${link}"${NEW_WINDOW}>${link}</a></p>
<p><strong>***Sila ambil maklum bahawa pautan ini sah dalam tempoh ${minutes} minit sahaja.</strong></p>
<p>Terima kasih.</p>
<hr style="border:none;border-top:1px solid #ddd;margin:24px 0">
<div lang="en">
<h2 style="font-size:16px;margin:0 0 16px">iSPEKS account registration</h2>
<p>Your iSPEKS account registration succeeded on ${atEn}.</p>
<p>Click the button below to activate your account</p>
${button(link, 'Activate account')}
<p>If the button does not work, click the link below.</p>
<p style="word-break:break-all"><a href="${link}"${NEW_WINDOW}>${link}</a></p>
<p><strong>***Note that this link is valid for ${minutes} minutes only.</strong></p>
<p>Thank you.</p>
</div>`,
    'ms',
  );
  const text = `Notifikasi iSPEKS
Pendaftaran Akaun iSPEKS

Pendaftaran akaun iSPEKS anda telah berjaya pada ${atMs}.

Sila klik pada pautan di bawah untuk mengaktifkan akaun anda:
${mail.link}

***Sila ambil maklum bahawa pautan ini sah dalam tempoh ${minutes} minit sahaja.

Terima kasih.

----------------------------------------
iSPEKS account registration

Your iSPEKS account registration succeeded on ${atEn}.

Open the link below to activate your account:
${mail.link}

***Note that this link is valid for ${minutes} minutes only.

Thank you.
`;
  return { subject: 'Pengaktifan Akaun iSPEKS', html, text };
}

/** Sent instead, in enumeration-protection mode, when the account is already active. */
export function renderAlreadyActiveMail(mail: AlreadyActiveMail): RenderedMail {
  const link = escapeHtml(mail.recoveryLink);
  const html = layout(
    `<h1 style="font-size:20px;margin:0 0 4px">Notifikasi iSPEKS</h1>
<p>Akaun iSPEKS anda telah pun diaktifkan. Sila log masuk. Sekiranya anda terlupa kata laluan, gunakan <a href="${link}"${NEW_WINDOW}>Lupa Kata Laluan</a>.</p>
<p>Terima kasih.</p>
<hr style="border:none;border-top:1px solid #ddd;margin:24px 0">
<div lang="en"><p>Your iSPEKS account is already active. Please sign in. If you forgot your password, use <a href="${link}"${NEW_WINDOW}>Forgot password</a>.</p><p>Thank you.</p></div>`,
    'ms',
  );
  const text = `Notifikasi iSPEKS

Akaun iSPEKS anda telah pun diaktifkan. Sila log masuk. Sekiranya anda terlupa kata laluan: ${mail.recoveryLink}

Terima kasih.

----------------------------------------
Your iSPEKS account is already active. Please sign in. If you forgot your password: ${mail.recoveryLink}

Thank you.
`;
  return { subject: 'Akaun iSPEKS Telah Aktif', html, text };
}
