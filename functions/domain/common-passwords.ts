import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The word lists a password and its base (see password-rules.ts `passwordBases`) are compared
 * with. They ship inside the bundle: no network call at run time. The sets are built once, when
 * the module loads.
 */
const lists = dictionary as Record<string, string[]>;

/** The most common passwords (about 49,000, most common first), from the zxcvbn-ts project. */
const common = new Set((lists['passwords-common'] ?? []).map((p) => p.toLowerCase()));

if (common.size < 10_000) {
  throw new Error('The common-password list failed to load');
}

/**
 * Malaysian words an officer would build a password on, which the English lists lack: the
 * country, the government, the states and federal territories, feelings and greetings, family.
 */
export const MALAYSIAN_WORDS: readonly string[] = [
  // country and government
  'malaysia',
  'merdeka',
  'negara',
  'negeri',
  'kerajaan',
  'kementerian',
  'jabatan',
  'pejabat',
  'perbendaharaan',
  'kewangan',
  'perkhidmatan',
  'rakyat',
  'bangsa',
  'melayu',
  'bumiputera',
  'jalurgemilang',
  // states and federal territories
  'johor',
  'kedah',
  'kelantan',
  'melaka',
  'malacca',
  'negerisembilan',
  'pahang',
  'perak',
  'perlis',
  'pulaupinang',
  'penang',
  'sabah',
  'sarawak',
  'selangor',
  'terengganu',
  'kualalumpur',
  'putrajaya',
  'labuan',
  // secrets and the system's own words
  'rahsia',
  'katalaluan',
  'katasandi',
  'kunci',
  'masuk',
  'pengguna',
  // greetings and faith
  'selamat',
  'selamatdatang',
  'terimakasih',
  'apakhabar',
  'assalamualaikum',
  'bismillah',
  'alhamdulillah',
  'insyaallah',
  'subhanallah',
  'allahuakbar',
  'mashaallah',
  // feelings and family
  'sayang',
  'sayangku',
  'cinta',
  'cintaku',
  'kasih',
  'rindu',
  'hati',
  'bahagia',
  'gembira',
  'keluarga',
  'ayah',
  'bapa',
  'abah',
  'abang',
  'adik',
  'kakak',
  'anak',
  'suami',
  'isteri',
  // everyday words
  'rumah',
  'kampung',
  'kereta',
  'kucing',
  'harimau',
  'bunga',
  'cantik',
  'comel',
  'bulan',
  'bintang',
  'matahari',
  'pelangi',
  'durian',
  'nasilemak',
];

/** Single dictionary words: the 7,776 of the diceware list, and the Malaysian words above. */
const words = new Set([...(lists['diceware-common'] ?? []), ...MALAYSIAN_WORDS].map((w) => w.toLowerCase()));

/** Exact match with a common password, whatever its case. */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

/** True when a dictionary word (English diceware or Malaysian) is exactly `word`, whatever its case. */
export function isDictionaryWord(word: string): boolean {
  return words.has(word.toLowerCase());
}

/** The lookup `checkPasswordRules` takes: a common password or a dictionary word (lower-case input). */
export function isListedWord(candidate: string): boolean {
  return common.has(candidate) || words.has(candidate);
}

export const commonPasswordCount = common.size;
