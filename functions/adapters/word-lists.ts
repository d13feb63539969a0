import { readFileSync } from 'node:fs';
import type { ListLookup } from '#domain/password-rules.ts';
import { type WordLists, wordListLookup } from '#domain/word-lists.ts';

/**
 * The folder of the word lists: beside this module in the repository, and beside the bundle in a
 * Lambda function (lib/ispeks-function.ts copies it into every bundle that names it).
 */
export const WORD_LISTS_DIR = new URL('./word-lists/', import.meta.url);

/** One word a line, as scripts/generated.ts writes them from @zxcvbn-ts/language-common. */
export function readWordLists(dir: URL = WORD_LISTS_DIR): WordLists {
  const read = (file: string) => readFileSync(new URL(file, dir), 'utf8').split('\n').filter(Boolean);
  return { commonPasswords: read('common-passwords.txt'), dictionaryWords: read('dictionary-words.txt') };
}

/**
 * The list lookup, read from the files on the first check and kept for the life of the process:
 * a function that never checks a password never reads them, and no function carries them in its
 * bundle or parses them at start.
 */
export function fileWordLists(dir: URL = WORD_LISTS_DIR): ListLookup {
  let lookup: ListLookup | undefined;
  return (candidate) => {
    lookup ??= wordListLookup(readWordLists(dir));
    return lookup(candidate);
  };
}
