/**
 * The frame every iSPEKS e-mail shares, after the source procedure's step-4 e-mail: the heading
 * "Notifikasi iSPEKS", then the Malay part and the English one below it, each with its own
 * heading, a greeting by name, the mail's paragraphs and a thank-you. A mail is described once
 * (`MailContent`) and rendered from that both as HTML and as plain text, so the two cannot drift.
 */

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export type Lang = 'ms' | 'en';

/**
 * A button to `href` and, below it, the link itself for when the button does not work. In the
 * plain-text part, the link alone. `purpose` completes "click the button below …".
 */
export interface Action {
  purpose: string;
  label: string;
  href: string;
}

/** A paragraph, a paragraph in bold (`strong`), or an action. */
export type Block = string | { strong: string } | Action;

export interface Part {
  heading: string;
  blocks: Block[];
}

export interface MailContent {
  subject: string;
  /** The officer's name as registered, for the greeting. */
  name: string;
  ms: Part;
  en: Part;
}

const TITLE = 'Notifikasi iSPEKS';

/** The frame's own words; the seed's where it has them. */
const FRAME: Record<
  Lang,
  {
    greeting: (name: string) => string;
    clickButton: (purpose: string) => string;
    openLink: (purpose: string) => string;
    fallback: string;
    thanks: string;
  }
> = {
  ms: {
    greeting: (name) => `Salam sejahtera ${name},`,
    clickButton: (purpose) => `Sila klik pada butang di bawah ${purpose}`,
    openLink: (purpose) => `Sila klik pada pautan di bawah ${purpose}:`,
    fallback: 'Sekiranya butang di atas tidak berfungsi, sila klik pada pautan di bawah.',
    thanks: 'Terima kasih.',
  },
  en: {
    greeting: (name) => `Dear ${name},`,
    clickButton: (purpose) => `Click the button below ${purpose}`,
    openLink: (purpose) => `Open the link below ${purpose}:`,
    fallback: 'If the button does not work, click the link below.',
    thanks: 'Thank you.',
  },
};

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
const BUTTON =
  'display:inline-block;background:#0b5394;color:#fff;padding:12px 20px;text-decoration:none;border-radius:4px;font-weight:bold';

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

function htmlBlock(block: Block, lang: Lang): string {
  if (typeof block === 'string') return paragraph(block);
  if ('strong' in block) return `<p><strong>${escapeHtml(block.strong)}</strong></p>`;
  const href = escapeHtml(block.href);
  return [
    paragraph(FRAME[lang].clickButton(block.purpose)),
    `<p style="margin:24px 0"><a href="${href}"${NEW_WINDOW} style="${BUTTON}">${escapeHtml(block.label)}</a></p>`,
    paragraph(FRAME[lang].fallback),
    `<p style="word-break:break-all"><a href="${href}"${NEW_WINDOW}>${href}</a></p>`,
  ].join('\n');
}

function htmlPart(part: Part, lang: Lang, name: string): string {
  return [
    `<h2 style="font-size:16px;margin:0 0 16px">${escapeHtml(part.heading)}</h2>`,
    paragraph(FRAME[lang].greeting(name)),
    ...part.blocks.map((block) => htmlBlock(block, lang)),
    paragraph(FRAME[lang].thanks),
  ].join('\n');
}

function textBlock(block: Block, lang: Lang): string {
  if (typeof block === 'string') return block;
  if ('strong' in block) return block.strong;
  return `${FRAME[lang].openLink(block.purpose)}\n${block.href}`;
}

function textPart(part: Part, lang: Lang, name: string): string {
  return [
    part.heading,
    FRAME[lang].greeting(name),
    ...part.blocks.map((block) => textBlock(block, lang)),
    FRAME[lang].thanks,
  ].join('\n\n');
}

/** Renders a mail as HTML (every value escaped) and as plain text, Malay first, English below. */
export function composeMail({ subject, name, ms, en }: MailContent): RenderedMail {
  const html = `<!doctype html><html lang="ms"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head><body style="margin:0;padding:16px;background:#f4f6f8"><div style="max-width:560px;margin:0 auto;background:#fff;padding:24px;${FONT}">
<h1 style="font-size:20px;margin:0 0 4px">${TITLE}</h1>
${htmlPart(ms, 'ms', name)}
<hr style="border:none;border-top:1px solid #ddd;margin:24px 0">
<div lang="en">
${htmlPart(en, 'en', name)}
</div>
</div></body></html>`;
  const text = `${TITLE}\n${textPart(ms, 'ms', name)}\n\n${'-'.repeat(40)}\n${textPart(en, 'en', name)}\n`;
  return { subject, html, text };
}
