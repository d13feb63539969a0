import type { Mail } from '../../functions/domain/ports.ts';
import { OFFICER, SITE } from './fixtures.ts';

type MailOf<K extends Mail['kind']> = Extract<Mail, { kind: K }>;

/** One sample of every mail kind, to the officer. */

export const ACTIVATION_LINK = `${SITE}/account/activation#token=AbC-123_xyz`;
export const RECOVERY_LINK = `${SITE}/account/recovery#token=ReC-456_uvw`;
/** The Lupa Kata Laluan page: no token in it. */
export const RECOVERY_PAGE = `${SITE}/account/recovery`;

const to = { to: OFFICER.email, name: OFFICER.name };

export const activationMail: MailOf<'activation'> = {
  ...to,
  kind: 'activation',
  registeredAt: OFFICER.registeredAt,
  link: ACTIVATION_LINK,
  validMinutes: 30,
};

export const alreadyActiveMail: MailOf<'already-active'> = {
  ...to,
  kind: 'already-active',
  recoveryLink: RECOVERY_PAGE,
};

export const recoveryMail: MailOf<'recovery'> = {
  ...to,
  kind: 'recovery',
  link: RECOVERY_LINK,
  validMinutes: 20,
};

export const passwordChangedMail: MailOf<'password-changed'> = {
  ...to,
  kind: 'password-changed',
  changedAt: '2024-03-05T01:02:03Z',
  how: 'recovery',
  recoveryLink: RECOVERY_PAGE,
};

export const accountLockedMail: MailOf<'account-locked'> = {
  ...to,
  kind: 'account-locked',
  lockedAt: '2024-03-05T16:30:00Z',
  lockedMinutes: 15,
  recoveryLink: RECOVERY_PAGE,
};

export const emailChangedMail: MailOf<'email-changed'> = {
  ...to,
  kind: 'email-changed',
  newEmailMasked: 'a***********h@example.gov.my',
  changedAt: '2024-03-05T02:00:00Z',
};

/** Keyed by kind, so a new kind in `Mail` that is missing here fails to compile. */
export const sampleMails: { [K in Mail['kind']]: MailOf<K> } = {
  activation: activationMail,
  'already-active': alreadyActiveMail,
  recovery: recoveryMail,
  'password-changed': passwordChangedMail,
  'account-locked': accountLockedMail,
  'email-changed': emailChangedMail,
};
