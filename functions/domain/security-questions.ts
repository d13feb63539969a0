/**
 * The fixed catalogue of security questions: an officer picks three of these, never writes her own.
 * Ids are stable: stored answers refer to them. The source procedure's three examples come first.
 */
export interface SecurityQuestion {
  id: string;
  text: { ms: string; en: string };
}

export const SECURITY_QUESTIONS: readonly SecurityQuestion[] = [
  { id: 'mother-name', text: { ms: 'Nama Ibu?', en: "Your mother's name?" } },
  { id: 'first-car', text: { ms: 'Kereta Pertama Anda?', en: 'Your first car?' } },
  { id: 'favourite-colour', text: { ms: 'Warna Kegemaran Anda?', en: 'Your favourite colour?' } },
  {
    id: 'primary-school',
    text: { ms: 'Nama Sekolah Rendah Pertama Anda?', en: 'The name of your first primary school?' },
  },
  { id: 'birth-town', text: { ms: 'Bandar Kelahiran Anda?', en: 'The town where you were born?' } },
  {
    id: 'childhood-friend',
    text: { ms: 'Nama Kawan Baik Semasa Kecil?', en: 'The name of your best childhood friend?' },
  },
  {
    id: 'first-pet',
    text: { ms: 'Nama Haiwan Peliharaan Pertama Anda?', en: 'The name of your first pet?' },
  },
  { id: 'favourite-food', text: { ms: 'Makanan Kegemaran Anda?', en: 'Your favourite food?' } },
  { id: 'first-workplace', text: { ms: 'Tempat Kerja Pertama Anda?', en: 'Where did you first work?' } },
  {
    id: 'father-hometown',
    text: { ms: 'Kampung Halaman Bapa Anda?', en: "Your father's home town or village?" },
  },
];

const byId = new Map(SECURITY_QUESTIONS.map((q) => [q.id, q]));

export function findQuestion(id: string): SecurityQuestion | undefined {
  return byId.get(id);
}

export const REQUIRED_ANSWERS = 3;
export const ANSWER_MIN_LENGTH = 3;
