/**
 * The password rules that need no word list: the policy, length and character classes, the shapes
 * of a weak password (a padded base of a few letters, a keyboard walk) and personal data. No Node
 * APIs and no list import, so the web page can judge with the server's own code;
 * `password-policy.ts` adds the list-based checks on top.
 */
import { charactersOutsideWalks, isKeyboardWalk } from './keyboard-walks.ts';
import { stripInvisible, visibleText } from './visible-text.ts';

export interface PasswordPolicy {
  /** Visible characters (see visible-text.ts): invisible padding does not count. */
  minLength: number;
  /** Characters; longer inputs are refused, never silently truncated. */
  maxLength: number;
  requireLower: boolean;
  requireUpper: boolean;
  requireDigit: boolean;
  requireSpecial: boolean;
}

export const PASSWORD_MAX_LENGTH = 128;

/** The source procedure's rules: 12+ characters with lower, upper, digit and special. */
export const sourcePolicy: PasswordPolicy = {
  minLength: 12,
  maxLength: PASSWORD_MAX_LENGTH,
  requireLower: true,
  requireUpper: true,
  requireDigit: true,
  requireSpecial: true,
};

export function makePasswordPolicy(minLength: number, composition: boolean): PasswordPolicy {
  return {
    minLength,
    maxLength: PASSWORD_MAX_LENGTH,
    requireLower: composition,
    requireUpper: composition,
    requireDigit: composition,
    requireSpecial: composition,
  };
}

export type PasswordRuleCode =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_NO_LOWER'
  | 'PASSWORD_NO_UPPER'
  | 'PASSWORD_NO_DIGIT'
  | 'PASSWORD_NO_SPECIAL'
  | 'PASSWORD_COMMON'
  | 'PASSWORD_CONTAINS_PERSONAL_DATA';

/** Character classes, shared with the page through the API so both judge alike. */
export const CHARACTER_CLASSES = {
  lower: /\p{Ll}/u,
  upper: /\p{Lu}/u,
  digit: /\p{Nd}/u,
  special: /[^\p{L}\p{N}]/u,
} as const;

export interface PersonalData {
  /** The MyKad number (`900101145678`); its birth-date part is personal data too. */
  icNumber: string;
  name: string;
  /** Its local part (before `@`), when 4 characters or more, may not appear in the password. */
  email?: string;
}

/**
 * One spelling per password: NFC, so `é` typed as one code point or as `e` + U+0301 is the same
 * password. Call it before checking, before hashing and before comparing at sign-in.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

/** Leet-speak: what each stand-in may mean. `1` and `|` are ambiguous, so both readings are tried. */
const LEET: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '(': 'c',
  '3': 'e',
  '€': 'e',
  '6': 'g',
  '9': 'g',
  '1': 'il',
  '!': 'i',
  '|': 'li',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};

/** For each letter, the stand-ins that may replace it (`a` → `@4`). */
const LEET_FOR = new Map<string, string>();
for (const [stand, letters] of Object.entries(LEET)) {
  for (const letter of letters) LEET_FOR.set(letter, (LEET_FOR.get(letter) ?? '') + stand);
}

/** Separators people put between words, ignored when comparing (`Pass-word`, `90.01.01`). */
const SEPARATORS = /[\s\p{Pd}._/]+/gu;
const LETTER = /\p{L}/u;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;

/** Shorter than this, a base is not a word but padding (`a` in `Aaaaaaaaaaa1!`). */
export const MIN_BASE_LENGTH = 4;
/** How many stand-ins at each end may be read as letters (`@dmin`, `1loveyou`). */
const MAX_EDGE_LEET = 2;

/**
 * The base checks look at no more than this many characters: they run only on passwords within
 * the maximum length, and the bound keeps their cost flat for any other caller.
 */
const MAX_JUDGED_LENGTH = 2 * PASSWORD_MAX_LENGTH;

/** Lower-case, without invisible characters. */
function plain(password: string): string {
  return stripInvisible(normalisePassword(password)).toLowerCase();
}

/**
 * Where the core of a password lies: from its first to its last letter (`Password123!` → `password`);
 * without letters, from its first to its last letter or digit; without either, all of it.
 */
function coreBounds(chars: string[]): [start: number, end: number] {
  for (const kind of [LETTER, ALPHANUMERIC]) {
    const start = chars.findIndex((c) => kind.test(c));
    if (start >= 0) return [start, chars.findLastIndex((c) => kind.test(c)) + 1];
  }
  return [0, chars.length];
}

/** The forms of a base with its repeats undone: `aaaa` → `a`, `passsword` → `password`, `abcabc` → `abc`. */
function withoutRepeats(base: string): string[] {
  const once = base.replace(/(.)\1+/gu, '$1');
  const twice = base.replace(/(.)\1{2,}/gu, '$1$1');
  const unit = (s: string) => /^(.+?)\1+$/u.exec(s)?.[1] ?? s;
  return [base, once, twice, unit(base), unit(once)];
}

/** Past this many ambiguous stand-ins (`1`, `|`), only the all-first and all-second readings are tried. */
const MAX_AMBIGUOUS = 3;

/**
 * The text as typed and read as leet-speak, every stand-in taken as a letter: `p@ssw0rd` →
 * `password`; `wi11iam` → `wiiiiam`, `wiiliam`, `wiliiam`, `william` (each ambiguous one both ways).
 */
function leetReadings(chars: string[]): string[] {
  const ambiguous = chars.flatMap((c, i) => ((LEET[c]?.length ?? 0) > 1 ? [i] : []));
  const choices: number[][] =
    ambiguous.length <= MAX_AMBIGUOUS
      ? Array.from({ length: 2 ** ambiguous.length }, (_, bits) => ambiguous.map((_, k) => (bits >> k) & 1))
      : [ambiguous.map(() => 0), ambiguous.map(() => 1)];
  const readings = choices.map((choice) => {
    const pick = new Map(ambiguous.map((at, k) => [at, choice[k] as number]));
    return chars.map((c, i) => LEET[c]?.[pick.get(i) ?? 0] ?? c).join('');
  });
  return [chars.join(''), ...readings];
}

/**
 * What a password is underneath its decoration: the core between the first and last letter,
 * lower-cased, with up to two stand-ins at each end taken back (`@dmin`), every reading of the
 * leet-speak (`p@ssw0rd` → `password`), with and without separators (`pass-word`), and with
 * repeats undone. The list-based check compares each with the word lists (equality, not
 * containment: `Gajah Biru Makan Roti 9!` is no word).
 */
export function passwordBases(password: string): Set<string> {
  const chars = [...plain(password)].slice(0, MAX_JUDGED_LENGTH);
  const [start, end] = coreBounds(chars);
  let before = 0;
  while (before < MAX_EDGE_LEET && start - before > 0 && LEET[chars[start - before - 1] as string]) before++;
  let after = 0;
  while (after < MAX_EDGE_LEET && end + after < chars.length && LEET[chars[end + after] as string]) after++;

  const bases = new Set<string>();
  for (let b = 0; b <= before; b++) {
    for (let a = 0; a <= after; a++) {
      const segment = chars.slice(start - b, end + a).join('');
      for (const spelling of new Set([segment, segment.replace(SEPARATORS, '')])) {
        for (const reading of leetReadings([...spelling])) {
          for (const form of withoutRepeats(reading)) bases.add(form);
        }
      }
    }
  }
  return bases;
}

/**
 * Past this many characters outside keyboard walks, the digits and symbols around a short base
 * carry the strength themselves (`8271993411025xx`), and the short base is no sign of weakness.
 */
const MAX_PLAIN_DECORATION = 6;

/**
 * The list-free signs of a weak password, judged on its core as typed (no leet reading): a keyboard
 * walk or alphabet run (`Qwerty@123456`, `1qaz2wsx`, `Abcdef#2024`), or a base too short to be a
 * word once repeats are undone (`Aaaaaaaaaaa1!`, `Ab-1234567890!`) padded with little more than a
 * year, a walk or repeated symbols.
 */
export function hasWeakBase(password: string): boolean {
  const chars = [...plain(password)].slice(0, MAX_JUDGED_LENGTH);
  const [start, end] = coreBounds(chars);
  const core = chars.slice(start, end).join('').replace(SEPARATORS, '');
  // Walks may begin or end with the digits and symbols around the letters (`1qaz2wsx`, `!qaz2wsx`)
  // or be broken by a symbol (`zaq12wsx!xsw2`).
  const whole = chars.join('').replace(SEPARATORS, '');
  const unbroken = whole.replace(/[^\p{L}\p{N}]+/gu, '');
  if ([core, whole, unbroken].some((text) => withoutRepeats(text).some(isKeyboardWalk))) return true;
  const shortest = Math.min(...withoutRepeats(core).map((form) => [...form].length));
  if (shortest >= MIN_BASE_LENGTH) return false;
  const decoration = [...chars.slice(0, start), ...chars.slice(end)]
    .join('')
    .replace(SEPARATORS, '')
    .replace(/(.)\1+/gu, '$1');
  return charactersOutsideWalks(decoration) <= MAX_PLAIN_DECORATION;
}

/** Names' connectors, which are no one's personal data. */
const NAME_CONNECTORS = new Set(['bin', 'binti', 'bt', 'bte', 'a/l', 'a/p', 'al', 'ap', 'anak']);
const SYSTEM_NAMES = ['ispeks'];
const MIN_NAME_PART = 3;
const MIN_EMAIL_LOCAL_PART = 4;

/** The birth-date part of a MyKad number in the orders people write dates in. */
function birthDates(digits: string): string[] {
  const [yy, mm, dd] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6)];
  return [`${yy}${mm}${dd}`, `${dd}${mm}${yy}`, `${dd}${mm}19${yy}`, `${dd}${mm}20${yy}`];
}

/** Everything personal that a password may not contain, lower-case, without separators. */
export function personalFragments({ icNumber, name, email }: PersonalData): string[] {
  const compact = (text: string) => plain(text).replace(SEPARATORS, '');
  const id = compact(icNumber);
  const ids = /^\d{12}$/.test(id) ? [id, [...id].reverse().join(''), ...birthDates(id)] : [id];
  const nameParts = plain(name)
    .split(/[\s@.'-]+/u)
    .filter((part) => [...part].length >= MIN_NAME_PART && !NAME_CONNECTORS.has(part))
    .map((part) => part.replace(SEPARATORS, ''));
  const local = compact(email?.split('@')[0] ?? '');
  const emailParts = [...local].length >= MIN_EMAIL_LOCAL_PART ? [local] : [];
  return [...ids, ...nameParts, ...emailParts, ...SYSTEM_NAMES].filter((f) => f.length >= MIN_NAME_PART);
}

/** A fragment as a pattern that also matches its leet spellings: `ali` → `[a@4][l1|][i1!|]`. */
function leetPattern(fragment: string): string {
  return [...fragment]
    .map((c) => `[${(c + (LEET_FOR.get(c) ?? '')).replace(/[\\\]^[-]/g, '\\$&')}]`)
    .join('');
}

/**
 * True when the password, lower-cased and without separators, contains the ID number (also its
 * birth date as YYMMDD, DDMMYY or DDMMYYYY, or the number reversed), a part of the name, the
 * e-mail's local part or the system's name, spelled plainly or in leet-speak (`A1sy@h`).
 */
export function containsPersonalData(password: string, personal: PersonalData): boolean {
  const fragments = personalFragments(personal);
  if (fragments.length === 0) return false;
  const pattern = new RegExp(fragments.map(leetPattern).join('|'), 'u');
  return pattern.test(plain(password).replace(SEPARATORS, ''));
}

/** Tells whether a candidate base is on a word list; the page has none, the server has several. */
export type ListLookup = (candidate: string) => boolean;

const NO_LIST: ListLookup = () => false;

/**
 * Every rule the password breaks, in a stable order; empty when it is acceptable. With `isListed`
 * the password and its bases are compared with word lists (see password-policy.ts); without it,
 * only the list-free shapes count towards PASSWORD_COMMON. The base checks run once the length is
 * right: they catch padding, and a password already too short or too long is refused anyway.
 */
export function checkPasswordRules(
  password: string,
  policy: PasswordPolicy,
  personal: PersonalData,
  isListed: ListLookup = NO_LIST,
): PasswordRuleCode[] {
  const normal = normalisePassword(password);
  const visible = visibleText(normal);
  const unmet: PasswordRuleCode[] = [];
  if ([...visible].length < policy.minLength) unmet.push('PASSWORD_TOO_SHORT');
  if ([...normal].length > policy.maxLength) unmet.push('PASSWORD_TOO_LONG');
  if (policy.requireLower && !CHARACTER_CLASSES.lower.test(visible)) unmet.push('PASSWORD_NO_LOWER');
  if (policy.requireUpper && !CHARACTER_CLASSES.upper.test(visible)) unmet.push('PASSWORD_NO_UPPER');
  if (policy.requireDigit && !CHARACTER_CLASSES.digit.test(visible)) unmet.push('PASSWORD_NO_DIGIT');
  if (policy.requireSpecial && !CHARACTER_CLASSES.special.test(visible)) unmet.push('PASSWORD_NO_SPECIAL');
  const lengthRight = !unmet.includes('PASSWORD_TOO_SHORT') && !unmet.includes('PASSWORD_TOO_LONG');
  const baseIsWeak = () => hasWeakBase(normal) || [...passwordBases(normal)].some(isListed);
  if (isListed(plain(normal)) || (lengthRight && baseIsWeak())) {
    unmet.push('PASSWORD_COMMON');
  }
  if (containsPersonalData(normal, personal)) unmet.push('PASSWORD_CONTAINS_PERSONAL_DATA');
  return unmet;
}

/** What `verify` returns so the page can list unmet rules live, in its own language. */
export function describePolicy(policy: PasswordPolicy) {
  return {
    ...policy,
    /** `minLength` again, named for what it counts: visible characters (visible-text.ts). */
    minVisibleLength: policy.minLength,
    rejectsCommonPasswords: true,
    rejectsPersonalData: true,
    characterClasses: Object.fromEntries(
      Object.entries(CHARACTER_CLASSES).map(([name, regex]) => [name, regex.source]),
    ),
  };
}
