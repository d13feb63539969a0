import { describe, expect, it } from 'vitest';
import { renderMail } from '../../functions/adapters/email/templates.ts';
import {
  accountLockedMail,
  passwordChangedMail,
  RECOVERY_LINK,
  RECOVERY_PAGE,
  recoveryMail,
} from '../support/sample-mails.ts';

/** Both parts of a rendered mail, for sentences that must appear in each. */
function parts(rendered: { html: string; text: string }): string[] {
  return [rendered.html, rendered.text];
}

describe('the recovery mail', () => {
  it('says a password reset was requested, in Malay and in English', () => {
    // Act
    const rendered = renderMail(recoveryMail);

    // Assert
    for (const part of parts(rendered)) {
      expect(part).toContain(
        'Permohonan untuk menetapkan semula kata laluan akaun iSPEKS anda telah diterima.',
      );
      expect(part).toContain('A password reset was requested for your iSPEKS account.');
    }
  });

  it('puts the link behind the button "Tetapkan Semula Kata Laluan" / "Reset password"', () => {
    // Act
    const { html, text } = renderMail(recoveryMail);

    // Assert
    expect(html).toMatch(new RegExp(`<a href="${RECOVERY_LINK}"[^>]*>Tetapkan Semula Kata Laluan</a>`));
    expect(html).toMatch(new RegExp(`<a href="${RECOVERY_LINK}"[^>]*>Reset password</a>`));
    expect(text).toContain(
      `Sila klik pada pautan di bawah untuk menetapkan semula kata laluan anda:\n${RECOVERY_LINK}`,
    );
    expect(text).toContain(`Open the link below to reset your password:\n${RECOVERY_LINK}`);
  });

  it("states the link's configured lifetime in the seed's words", () => {
    // Act
    const rendered = renderMail({ ...recoveryMail, validMinutes: 10 });

    // Assert
    for (const part of parts(rendered)) {
      expect(part).toContain('***Sila ambil maklum bahawa pautan ini sah dalam tempoh 10 minit sahaja.');
      expect(part).toContain('***Note that this link is valid for 10 minutes only.');
    }
  });

  it('says two security questions will be asked', () => {
    // Act
    const rendered = renderMail(recoveryMail);

    // Assert
    for (const part of parts(rendered)) {
      expect(part).toContain('Anda perlu menjawab DUA(2) daripada soalan keselamatan anda');
      expect(part).toContain('You will answer two of your security questions');
    }
  });
});

describe('the password-changed notice', () => {
  it('gives the time of the change in Malaysia time', () => {
    // Act
    const rendered = renderMail(passwordChangedMail);

    // Assert
    for (const part of parts(rendered)) {
      expect(part).toContain('telah ditukar pada 5 Mac 2024 09:02:03 AM');
      expect(part).toContain('was changed on 5 March 2024 09:02:03 AM');
    }
  });

  it('says a change through Lupa Kata Laluan signed out every session', () => {
    // Act
    const rendered = renderMail({ ...passwordChangedMail, how: 'recovery' });

    // Assert
    for (const part of parts(rendered)) {
      expect(part).toContain('09:02:03 AM melalui Lupa Kata Laluan.');
      expect(part).toContain('Semua sesi log masuk bagi akaun ini telah ditamatkan.');
      expect(part).toContain('09:02:03 AM through Forgot Password.');
      expect(part).toContain('Every session of this account has been signed out.');
    }
  });

  it('says a change while signed in signed out every other session', () => {
    // Act
    const rendered = renderMail({ ...passwordChangedMail, how: 'account' });

    // Assert
    for (const part of parts(rendered)) {
      expect(part).toContain('09:02:03 AM melalui sesi log masuk akaun anda.');
      expect(part).toContain('Semua sesi log masuk lain bagi akaun ini telah ditamatkan.');
      expect(part).toContain('09:02:03 AM from a session signed in to your account.');
      expect(part).toContain('Every other session of this account has been signed out.');
    }
  });
});

describe('the account-locked notice', () => {
  it('says for how long and since when sign-in is locked, in Malaysia time', () => {
    // Act
    const rendered = renderMail(accountLockedMail);

    // Assert
    for (const part of parts(rendered)) {
      expect(part).toContain(
        'Log masuk ke akaun iSPEKS anda telah dikunci selama 15 minit pada 6 Mac 2024 12:30:00 AM kerana beberapa cubaan log masuk yang gagal berturut-turut.',
      );
      expect(part).toContain(
        'Sign-in to your iSPEKS account was locked for 15 minutes on 6 March 2024 12:30:00 AM after repeated failed attempts.',
      );
    }
  });

  it('offers waiting, or a reset that also lifts the lock, when the attempts were the officer', () => {
    // Act
    const rendered = renderMail(accountLockedMail);

    // Assert
    for (const part of parts(rendered)) {
      expect(part).toContain('sila tunggu 15 minit sebelum log masuk semula');
      expect(part).toContain('langkah ini juga akan membuka kunci akaun anda.');
      expect(part).toContain('wait 15 minutes before you sign in again');
      expect(part).toContain('that also lifts the lock.');
      expect(part).toContain(RECOVERY_PAGE);
    }
  });

  it('says the password has not been disclosed', () => {
    // Act
    const rendered = renderMail(accountLockedMail);

    // Assert
    for (const part of parts(rendered)) {
      expect(part).toContain('Kata laluan anda tidak didedahkan kepada sesiapa.');
      expect(part).toContain('Your password has not been disclosed to anyone.');
    }
  });

  it('says "1 minute" in English for a one-minute lock', () => {
    // Act
    const { text } = renderMail({ ...accountLockedMail, lockedMinutes: 1 });

    // Assert
    expect(text).toContain('locked for 1 minute on');
    expect(text).toContain('dikunci selama 1 minit pada');
  });
});
