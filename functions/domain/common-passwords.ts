import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The most common passwords (about 49,000, most common first), from the zxcvbn-ts project's
 * maintained list, which ships inside the bundle: no network call at run time.
 */
const list: string[] = (dictionary as Record<string, string[]>)['passwords-common'] ?? [];
const common = new Set(list.map((p) => p.toLowerCase()));

if (common.size < 10_000) {
  throw new Error('The common-password list failed to load');
}

export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

export const commonPasswordCount = common.size;
