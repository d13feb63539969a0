/**
 * What counts as visible text, for passwords, security answers and other typed fields. No imports
 * and no Node APIs: the web page may import this module as it is.
 *
 * Invisible: format characters (zero-width space and joiner, BOM, bidi marks, soft hyphen, tags),
 * default-ignorable code points (variation selectors, Hangul fillers, the combining grapheme
 * joiner), control characters other than the whitespace ones (tab, line feed, carriage return,
 * vertical tab, form feed), and code points that are unassigned, private-use or lone surrogates.
 * They can pad a field to a length or make two spellings of one value differ while showing nothing.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cn}\p{Co}\p{Cs}]|(?![\t\n\v\f\r])\p{Cc}/gu;

/** Everything that does not count towards a visible length: the invisible set, all controls, marks. */
const NOT_COUNTED = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cn}\p{Co}\p{Cs}\p{Cc}\p{M}\p{Zl}\p{Zp}]/gu;

/** Controls (tab and line breaks included) and broken UTF-16: never part of a one-line field. */
const INVALID = /[\p{Cc}\p{Cs}]/u;

/**
 * Removes invisible characters. Combining marks stay (they change how a letter looks), and so do
 * whitespace controls (callers that collapse whitespace treat them as spaces).
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * The characters that count: NFC-composed, without invisible characters, controls or combining
 * marks left over after composition (`é` typed as `e` + U+0301 is one character; a stray mark on
 * its own is none).
 */
export function visibleText(text: string): string {
  return text.normalize('NFC').replace(NOT_COUNTED, '');
}

/** How many characters a reader sees (code points, not UTF-16 units; a space counts). */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of visibleText(text)) count++;
  return count;
}

/**
 * True when the text holds a control character (tab and line breaks too) or a lone surrogate: what
 * a one-line text field refuses as INVALID_CHARACTERS.
 */
export function hasInvalidCharacters(text: string): boolean {
  return INVALID.test(text);
}

/** True when nothing in the text is invisible or a control character. */
export function hasOnlyVisibleText(text: string): boolean {
  return !hasInvalidCharacters(text) && stripInvisible(text) === text;
}
