import { postJson } from '../lib/api.ts';
import { byId, focusTarget, show, showMessages } from '../lib/dom.ts';
import { errorMessage } from '../lib/error-messages.ts';

export interface RevokeSessions {
  /** The button again, with no confirmation open and no message. */
  reset(): void;
  /** Closes the confirmation. */
  close(moveFocus: boolean): void;
}

/**
 * Log Keluar Semua Sesi: a confirmation that says what will happen, then every session of the
 * account ends, this one included (`onSignedOut`, with why).
 */
export function revokeSessions({
  onSignedOut,
}: {
  onSignedOut: (why: 'login.revoked' | 'error.UNAUTHENTICATED') => void;
}): RevokeSessions {
  const revokeOpen = byId<HTMLButtonElement>('revoke-open');
  const revokeConfirm = byId('revoke-confirm');
  const revokeYes = byId<HTMLButtonElement>('revoke-yes');
  const revokeMessage = byId('revoke-message');

  function close(moveFocus: boolean): void {
    show(revokeConfirm, false);
    show(revokeOpen);
    if (moveFocus) revokeOpen.focus();
  }

  revokeOpen.addEventListener('click', () => {
    showMessages(revokeMessage, []);
    show(revokeOpen, false);
    show(revokeConfirm);
    focusTarget(byId('revoke-confirm-text'));
  });
  byId('revoke-cancel').addEventListener('click', () => close(true));
  revokeYes.addEventListener('click', async () => {
    revokeYes.disabled = true;
    const answer = await postJson<undefined>('/api/account/sessions/revoke');
    revokeYes.disabled = false;
    // 401: this session had ended already; the others are the server's to end, so say only that.
    if (answer.ok) onSignedOut('login.revoked');
    else if (answer.status === 401) onSignedOut('error.UNAUTHENTICATED');
    else showMessages(revokeMessage, [errorMessage(answer.problem.code)]);
  });

  return {
    reset() {
      showMessages(revokeMessage, []);
      close(false);
    },
    close,
  };
}
