import { z } from 'zod';
import { hasInvalidCharacters } from '#domain/visible-text.ts';

/**
 * Text fields refuse control characters and broken UTF-16 (the domain's one rule for visible
 * text), so nothing odd reaches the store.
 */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !hasInvalidCharacters(s), {
      message: 'must not contain control characters or broken UTF-16',
      params: { code: 'INVALID_CHARACTERS' },
    });

export const userIdField = text(40);
export const tokenField = text(512).pipe(z.string().min(1));
/** Long enough for any acceptable password; the policy answers PASSWORD_TOO_LONG past its limit. */
export const secretField = z.string().max(1024);
/** A security answer: visible text, as every other text field (control characters refused). */
export const answerField = text(200);
