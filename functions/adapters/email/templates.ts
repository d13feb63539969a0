/**
 * The words of every e-mail, Malay (the seed's own where it has them, kept verbatim) with the
 * English beside it. The frame around them (heading, greeting, button and link, thanks) is
 * layout.ts.
 */

import { formatMalaysiaTime } from '#domain/malaysia-time.ts';
import type {
  AccountLockedMail,
  ActivationMail,
  AlreadyActiveMail,
  EmailChangedMail,
  Mail,
  PasswordChangedMail,
  RecoveryMail,
} from '#domain/ports.ts';
import { type Block, composeMail, type RenderedMail } from './layout.ts';

export { escapeHtml, type RenderedMail } from './layout.ts';

const minutesEn = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

/** The seed's validity note. */
const validFor = {
  ms: (n: number): Block => ({
    strong: `***Sila ambil maklum bahawa pautan ini sah dalam tempoh ${n} minit sahaja.`,
  }),
  en: (n: number): Block => ({ strong: `***Note that this link is valid for ${minutesEn(n)} only.` }),
};

/** For an e-mail someone asked for: what it means when it was not the officer. */
const didNotAsk = {
  ms: (outcome: string) => `Sekiranya anda tidak memohon emel ini, abaikan sahaja; ${outcome}`,
  en: (outcome: string) => `If you did not ask for this e-mail, ignore it; ${outcome}`,
};

/** The button to the Lupa Kata Laluan page (no token in it), for the notices. */
const forgotPassword = {
  ms: (href: string): Block => ({
    purpose: 'untuk menetapkan semula kata laluan anda',
    label: 'Lupa Kata Laluan',
    href,
  }),
  en: (href: string): Block => ({ purpose: 'to reset your password', label: 'Forgot Password', href }),
};

/** The source procedure's step-4 e-mail. */
export function renderActivationMail(mail: ActivationMail): RenderedMail {
  const { link: href, validMinutes } = mail;
  return composeMail({
    subject: 'Pengaktifan Akaun iSPEKS',
    name: mail.name,
    ms: {
      heading: 'Pendaftaran Akaun iSPEKS',
      blocks: [
        `Pendaftaran akaun iSPEKS anda telah berjaya pada ${formatMalaysiaTime(mail.registeredAt, 'ms')}.`,
        { purpose: 'untuk mengaktifkan akaun anda', label: 'Pengaktifan Akaun', href },
        validFor.ms(validMinutes),
        didNotAsk.ms('akaun anda tidak akan diaktifkan tanpa pautan ini.'),
      ],
    },
    en: {
      heading: 'iSPEKS account registration',
      blocks: [
        `Your iSPEKS account registration succeeded on ${formatMalaysiaTime(mail.registeredAt, 'en')}.`,
        { purpose: 'to activate your account', label: 'Activate account', href },
        validFor.en(validMinutes),
        didNotAsk.en('your account will not be activated without this link.'),
      ],
    },
  });
}

/** Sent instead of a link, in enumeration-protection mode, when the account is already active. */
export function renderAlreadyActiveMail(mail: AlreadyActiveMail): RenderedMail {
  return composeMail({
    subject: 'Akaun iSPEKS Telah Aktif',
    name: mail.name,
    ms: {
      heading: 'Akaun iSPEKS Telah Aktif',
      blocks: [
        'Permohonan emel pengaktifan bagi akaun iSPEKS anda telah diterima.',
        'Akaun iSPEKS anda telah pun diaktifkan. Oleh itu, tiada pautan pengaktifan dihantar. Sila log masuk dengan kata laluan anda.',
        'Sekiranya anda terlupa kata laluan, anda boleh menetapkannya semula melalui Lupa Kata Laluan.',
        forgotPassword.ms(mail.recoveryLink),
        didNotAsk.ms('tiada perubahan dibuat pada akaun anda.'),
      ],
    },
    en: {
      heading: 'iSPEKS account already active',
      blocks: [
        'An activation e-mail was requested for your iSPEKS account.',
        'Your iSPEKS account is already active, so no activation link was sent. Please sign in with your password.',
        'If you forgot your password, you can set a new one through Forgot Password.',
        forgotPassword.en(mail.recoveryLink),
        didNotAsk.en('nothing has changed on your account.'),
      ],
    },
  });
}

/** *Lupa Kata Laluan*: the single-use link to set a new password. */
function renderRecoveryMail(mail: RecoveryMail): RenderedMail {
  const { link: href, validMinutes } = mail;
  return composeMail({
    subject: 'Tetapan Semula Kata Laluan iSPEKS',
    name: mail.name,
    ms: {
      heading: 'Tetapan Semula Kata Laluan',
      blocks: [
        'Permohonan untuk menetapkan semula kata laluan akaun iSPEKS anda telah diterima.',
        { purpose: 'untuk menetapkan semula kata laluan anda', label: 'Tetapkan Semula Kata Laluan', href },
        validFor.ms(validMinutes),
        'Anda perlu menjawab DUA(2) daripada soalan keselamatan anda sebelum menetapkan kata laluan baharu.',
        didNotAsk.ms(
          'kata laluan anda tidak akan berubah, dan tiada sesiapa boleh menggunakan pautan ini tanpa jawapan kepada soalan keselamatan anda.',
        ),
      ],
    },
    en: {
      heading: 'Password reset',
      blocks: [
        'A password reset was requested for your iSPEKS account.',
        { purpose: 'to reset your password', label: 'Reset password', href },
        validFor.en(validMinutes),
        'You will answer two of your security questions before you set a new password.',
        didNotAsk.en(
          'your password stays unchanged, and nobody can use this link without the answers to your security questions.',
        ),
      ],
    },
  });
}

/** How the password was changed, and which sessions that ended. */
const CHANGED = {
  recovery: {
    ms: {
      how: 'melalui Lupa Kata Laluan',
      sessions: 'Semua sesi log masuk bagi akaun ini telah ditamatkan.',
    },
    en: { how: 'through Forgot Password', sessions: 'Every session of this account has been signed out.' },
  },
  account: {
    ms: {
      how: 'melalui sesi log masuk akaun anda',
      sessions: 'Semua sesi log masuk lain bagi akaun ini telah ditamatkan.',
    },
    en: {
      how: 'from a session signed in to your account',
      sessions: 'Every other session of this account has been signed out.',
    },
  },
};

/** Tells the officer the password changed: no secret and no token in it. */
function renderPasswordChangedMail(mail: PasswordChangedMail): RenderedMail {
  const { ms, en } = CHANGED[mail.how];
  return composeMail({
    subject: 'Kata Laluan iSPEKS Telah Ditukar',
    name: mail.name,
    ms: {
      heading: 'Kata Laluan Telah Ditukar',
      blocks: [
        `Kata laluan akaun iSPEKS anda telah ditukar pada ${formatMalaysiaTime(mail.changedAt, 'ms')} ${ms.how}.`,
        ms.sessions,
        'Sekiranya anda tidak membuat perubahan ini, sila tetapkan semula kata laluan anda dengan segera melalui Lupa Kata Laluan dan maklumkan kepada Pentadbir PTJ anda.',
        forgotPassword.ms(mail.recoveryLink),
      ],
    },
    en: {
      heading: 'Password changed',
      blocks: [
        `The password of your iSPEKS account was changed on ${formatMalaysiaTime(mail.changedAt, 'en')} ${en.how}.`,
        en.sessions,
        'If you did not make this change, reset your password at once through Forgot Password and tell your PTJ administrator (Pentadbir PTJ).',
        forgotPassword.en(mail.recoveryLink),
      ],
    },
  });
}

/** Tells the officer that sign-in was locked after repeated failures, with the way out. */
function renderAccountLockedMail(mail: AccountLockedMail): RenderedMail {
  const n = mail.lockedMinutes;
  return composeMail({
    subject: 'Akaun iSPEKS Dikunci Sementara',
    name: mail.name,
    ms: {
      heading: 'Akaun Dikunci Sementara',
      blocks: [
        `Log masuk ke akaun iSPEKS anda telah dikunci selama ${n} minit pada ${formatMalaysiaTime(mail.lockedAt, 'ms')} kerana beberapa cubaan log masuk yang gagal berturut-turut.`,
        `Sekiranya cubaan tersebut dibuat oleh anda, sila tunggu ${n} minit sebelum log masuk semula, atau tetapkan semula kata laluan anda sekarang melalui Lupa Kata Laluan; langkah ini juga akan membuka kunci akaun anda.`,
        'Sekiranya cubaan tersebut tidak dibuat oleh anda, mungkin ada pihak yang cuba meneka kata laluan anda. Sila tetapkan semula kata laluan anda dan maklumkan kepada Pentadbir PTJ anda. Kata laluan anda tidak didedahkan kepada sesiapa.',
        forgotPassword.ms(mail.recoveryLink),
      ],
    },
    en: {
      heading: 'Account temporarily locked',
      blocks: [
        `Sign-in to your iSPEKS account was locked for ${minutesEn(n)} on ${formatMalaysiaTime(mail.lockedAt, 'en')} after repeated failed attempts.`,
        `If the attempts were yours, wait ${minutesEn(n)} before you sign in again, or reset your password now through Forgot Password; that also lifts the lock.`,
        'If they were not yours, someone may be guessing your password. Reset your password and tell your PTJ administrator (Pentadbir PTJ). Your password has not been disclosed to anyone.',
        forgotPassword.en(mail.recoveryLink),
      ],
    },
  });
}

/**
 * Sent to the old address when an administrator changed the officer's e-mail: the new address
 * masked, and no link (the change cancelled every outstanding one; the officer's links now go to
 * the new address).
 */
function renderEmailChangedMail(mail: EmailChangedMail): RenderedMail {
  return composeMail({
    subject: 'Alamat Emel iSPEKS Telah Ditukar',
    name: mail.name,
    ms: {
      heading: 'Alamat Emel Telah Ditukar',
      blocks: [
        `Alamat emel akaun iSPEKS anda telah ditukar oleh pentadbir pada ${formatMalaysiaTime(mail.changedAt, 'ms')} kepada ${mail.newEmailMasked}.`,
        'Mulai sekarang, semua emel iSPEKS akan dihantar ke alamat baharu tersebut. Pautan yang telah dihantar sebelum ini tidak lagi sah.',
        'Sekiranya anda tidak memohon perubahan ini, sila maklumkan kepada Pentadbir PTJ anda dengan segera.',
      ],
    },
    en: {
      heading: 'E-mail address changed',
      blocks: [
        `The e-mail address of your iSPEKS account was changed by an administrator on ${formatMalaysiaTime(mail.changedAt, 'en')} to ${mail.newEmailMasked}.`,
        'From now on, every iSPEKS e-mail goes to that new address. Links sent before are no longer valid.',
        'If you did not ask for this change, tell your PTJ administrator (Pentadbir PTJ) at once.',
      ],
    },
  });
}

/** The subject, HTML and plain text of any mail the domain sends. */
export function renderMail(mail: Mail): RenderedMail {
  switch (mail.kind) {
    case 'activation':
      return renderActivationMail(mail);
    case 'already-active':
      return renderAlreadyActiveMail(mail);
    case 'recovery':
      return renderRecoveryMail(mail);
    case 'password-changed':
      return renderPasswordChangedMail(mail);
    case 'account-locked':
      return renderAccountLockedMail(mail);
    case 'email-changed':
      return renderEmailChangedMail(mail);
    default: {
      const unknown: never = mail;
      throw new Error(`No e-mail template for kind ${(unknown as { kind: string }).kind}`);
    }
  }
}
