import type { User } from '#domain/user.ts';

/**
 * The attributes the users table's indexes are keyed by (`functions/tables.ts`), derived from the
 * user and kept in step by every writer: `entity` (the byName partition), `nameKey` (name order,
 * name prefixes; the IC number makes it unique), `icHead` (the IC's first six digits: IC prefixes)
 * and `lastActiveAt` (the activity indexes hold active accounts only, so it exists on them alone).
 */
export interface UserIndexAttributes {
  entity: 'USER';
  nameKey: string;
  icHead: string;
  lastActiveAt?: string;
}

export const USER_ENTITY = 'USER';

export function nameKeyOf(user: Pick<User, 'name' | 'icNumber'>): string {
  return `${user.name}#${user.icNumber}`;
}

export function icHeadOf(icNumber: string): string {
  return icNumber.slice(0, 6);
}

/** The last sign-in or else the activation, for an active account; nothing for any other. */
export function lastActiveAtOf(
  user: Pick<User, 'status' | 'lastLoginAt' | 'activatedAt'>,
): string | undefined {
  return user.status === 'ACTIVE' ? (user.lastLoginAt ?? user.activatedAt) : undefined;
}

export function userIndexAttributes(user: User): UserIndexAttributes {
  const lastActiveAt = lastActiveAtOf(user);
  return {
    entity: USER_ENTITY,
    nameKey: nameKeyOf(user),
    icHead: icHeadOf(user.icNumber),
    ...(lastActiveAt === undefined ? {} : { lastActiveAt }),
  };
}

/** The user as stored: the user itself plus its index attributes. */
export function userItem(user: User): User & UserIndexAttributes {
  return { ...user, ...userIndexAttributes(user) };
}

/** The user as read back, without the index attributes. */
export function fromUserItem(item: Record<string, unknown>): User {
  const { entity: _e, nameKey: _n, icHead: _i, lastActiveAt: _l, ...user } = item;
  return user as unknown as User;
}
