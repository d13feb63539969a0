import type { UserRepository } from '../ports.ts';
import type { User } from '../user.ts';
import { parseUserId } from '../user-id.ts';

/**
 * The user a typed ID names: `900101145678`, `900101-14-5678` or `kth:900101145678`. An agency
 * prefix that is not the user's own names nobody (`jpn:` does not reach a `kth` officer).
 */
export async function findUserById(users: UserRepository, userId: string): Promise<User | undefined> {
  const { icNumber, agencyCode } = parseUserId(userId);
  const user = await users.get(icNumber);
  if (user && agencyCode !== undefined && user.agencyCode !== agencyCode) return undefined;
  return user;
}
