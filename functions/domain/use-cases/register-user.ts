import { ValidationError } from '../errors.ts';
import type { Clock, UserRepository } from '../ports.ts';
import { adminUser, type User } from '../user.ts';
import { parseUserId } from '../user-id.ts';

export interface RegisterInput {
  icNumber: string;
  agencyCode?: string | undefined;
  name: string;
  email: string;
  ptjCode?: string | undefined;
}

/** Normalised as the source shows it: names in upper case, single spaces. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase();
}

/** An administrator registers an officer; the officer then requests the activation e-mail. */
export function makeRegisterUser({ users, clock }: { users: UserRepository; clock: Clock }) {
  return async function registerUser(input: RegisterInput) {
    const { icNumber, agencyCode } = parseUserId(input.icNumber, 'icNumber');
    if (agencyCode) {
      throw new ValidationError(
        [{ path: 'icNumber', code: 'USER_ID_INVALID' }],
        'Give the agency code in agencyCode.',
      );
    }
    const user: User = {
      icNumber,
      ...(input.agencyCode ? { agencyCode: input.agencyCode } : {}),
      name: normaliseName(input.name),
      email: input.email.trim().toLowerCase(),
      ...(input.ptjCode ? { ptjCode: input.ptjCode } : {}),
      status: 'PENDING',
      registeredAt: clock.now().toISOString(),
      activationSends: [],
      sendRevision: 0,
    };
    await users.create(user);
    return adminUser(user, clock.now());
  };
}
