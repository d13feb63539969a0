import * as z from 'zod/mini';
import { hasInvalidCharacters } from '#domain/visible-text.ts';

/**
 * The pieces every route contract is built from (zod/mini: the same schemas, a fraction of the
 * bundle). A schema registered with an `id` becomes a named component of the OpenAPI document.
 */
export const contractSchemas = z.registry<{ id: string; description: string }>();

export function named<T extends z.ZodMiniType>(id: string, description: string, schema: T): T {
  contractSchemas.add(schema, { id, description });
  return schema;
}

/** Text fields refuse control characters and broken UTF-16 (the domain's one rule for visible text). */
export const text = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((s) => !hasInvalidCharacters(s), {
      message: 'must not contain control characters or broken UTF-16',
      params: { code: 'INVALID_CHARACTERS' },
    }),
  );

export const userIdField = named(
  'UserId',
  'A 12-digit MyKad number, also written 900101-14-5678, optionally with the agency code: kth:900101145678.',
  text(40),
);
export const tokenField = text(512).check(z.minLength(1));
/** Long enough for any acceptable password; the policy answers PASSWORD_TOO_LONG past its limit. */
export const secretField = z.string().check(z.maxLength(1024));
/** A security answer: visible text, as every other text field (control characters refused). */
export const answerField = text(200);

export const answersField = z
  .array(z.strictObject({ questionId: z.string().check(z.maxLength(64)), answer: answerField }))
  .check(z.maxLength(10));

export const timestamp = z.iso.datetime();

export const question = named(
  'Question',
  'A security question of the fixed catalogue, in Malay and English.',
  z.strictObject({ id: z.string(), text: z.strictObject({ ms: z.string(), en: z.string() }) }),
);

export const passwordPolicy = named(
  'PasswordPolicy',
  'The password rules, so a page can show every rule with its state as the officer types.',
  z.strictObject({
    minLength: z.int(),
    minVisibleLength: z.int(),
    maxLength: z.int(),
    requireLower: z.boolean(),
    requireUpper: z.boolean(),
    requireDigit: z.boolean(),
    requireSpecial: z.boolean(),
    rejectsCommonPasswords: z.boolean(),
    rejectsPersonalData: z.boolean(),
    characterClasses: z.record(z.string(), z.string()),
  }),
);

export const sessionUser = named(
  'SessionUser',
  "The signed-in officer, read from the account on every request, with today's duties (`roles`: their codes).",
  z.strictObject({
    userId: z.string(),
    icNumber: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    duties: z.array(
      z.strictObject({
        duty: z.string(),
        ptjCode: z.string(),
        approvalLimit: z.optional(z.number()),
        startsOn: z.string(),
        endsOn: z.optional(z.string()),
      }),
    ),
  }),
);

export const tokenRequest = named(
  'TokenRequest',
  "The token from a link's fragment.",
  z.strictObject({ token: tokenField }),
);
export const userIdRequest = named(
  'UserIdRequest',
  'The ID an officer types.',
  z.strictObject({ userId: userIdField }),
);
