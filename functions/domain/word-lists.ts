import type { ListLookup } from './password-rules.ts';

/**
 * The word lists a password and its base (see password-rules.ts `passwordBases`) are compared
 * with: the most common passwords and single dictionary words. The lists themselves are data,
 * which an adapter reads (functions/adapters/word-lists.ts: files shipped beside the bundle, read
 * on the first check), so they never weigh on a function's bundle or its start.
 */

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

/** The lists, as the adapter reads them: common passwords (most common first) and English words. */
export interface WordLists {
  commonPasswords: readonly string[];
  dictionaryWords: readonly string[];
}

/** The fewest entries the common-password list may have: the 10,000 most common passwords. */
export const MIN_COMMON_PASSWORDS = 10_000;

/**
 * The lookup `checkPasswordRules` takes (lower-case input): a common password, an English word or
 * a Malaysian word. The sets are built once, here.
 */
export function wordListLookup(lists: WordLists): ListLookup {
  const common = new Set(lists.commonPasswords.map((p) => p.toLowerCase()));
  if (common.size < MIN_COMMON_PASSWORDS) throw new Error('The common-password list failed to load');
  const words = new Set([...lists.dictionaryWords, ...MALAYSIAN_WORDS].map((w) => w.toLowerCase()));
  return (candidate) => common.has(candidate) || words.has(candidate);
}
