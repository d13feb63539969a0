import type { Node } from 'constructs';
import { z } from 'zod';

/**
 * The deployer's settings, read from CDK context (`cdk.json` or `-c key=value`) and checked before
 * anything is built. Values given on the command line arrive as strings, so numbers and flags are
 * coerced. The bounds match `functions/config.ts`, except where production must be stricter
 * (https only, bcrypt cost at least 12: security.md 15).
 */
const flag = z.union(
  [
    z.boolean(),
    z
      .enum(['true', 'false', 'on', 'off', '1', '0'])
      .transform((v) => v === 'true' || v === 'on' || v === '1'),
  ],
  { error: 'must be true or false (or on/off)' },
);

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const isHttpsUrl = (value: string) => URL.canParse(value) && new URL(value).protocol === 'https:';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const schema = z
  .object({
    siteUrl: z
      .string()
      .refine(isHttpsUrl, 'must be an https:// URL')
      .transform((u) => u.replace(/\/+$/, '')),
    senderEmail: z.email('must be an e-mail address'),
    senderName: z
      .string()
      .trim()
      .min(1)
      .regex(/^[^\r\n<>"]+$/, 'must be plain text without line breaks, quotes or angle brackets'),
    activationTokenTtlSeconds: int(60, 86_400),
    resendCooldownSeconds: int(0, 3600),
    resendMaxPerHour: int(1, 100),
    bcryptCost: int(12, 15),
    enumerationProtection: flag,
    passwordMinLength: int(8, 64).default(12),
    passwordComposition: flag.default(true),
    /** Optional custom domain for CloudFront; needs `certificateArn` (an ACM certificate in us-east-1). */
    domainName: optionalText,
    certificateArn: optionalText,
    /** Optional AWS WAF web ACL (scope CLOUDFRONT, so created in us-east-1) to attach to the distribution. */
    webAclArn: optionalText,
    /**
     * Raise by one to rotate the secret CloudFront sends to the API (`x-origin-verify`); the
     * functions accept the previous generation too, so a rotation is one ordinary deploy.
     */
    originSecretGeneration: int(1, 10_000).default(1),
  })
  .refine((s) => (s.domainName === undefined) === (s.certificateArn === undefined), {
    message: 'domainName and certificateArn must be given together',
    path: ['domainName'],
  });

export type Settings = z.infer<typeof schema>;

export const settingKeys = Object.keys(schema.shape) as ReadonlyArray<keyof Settings>;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Reads every setting from the construct tree's context; throws one `SettingsError` naming each bad key. */
export function readSettings(node: Node): Settings {
  const raw = Object.fromEntries(settingKeys.map((key) => [key, node.tryGetContext(key)]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => {
        const key = issue.path.join('.');
        return `${key}: ${issue.message} (got ${JSON.stringify(raw[key])})`;
      })
      .join('; ');
    throw new SettingsError(`Invalid CDK context: ${problems}.`);
  }
  return parsed.data;
}

/**
 * The environment every function receives for its `functions/config.ts`. Table names are absent on
 * purpose: they come from the table helpers in `lib/data.ts`, next to the grants.
 */
export function functionEnvironment(settings: Settings): Record<string, string> {
  const onOff = (value: boolean) => (value ? 'on' : 'off');
  return {
    SITE_URL: settings.siteUrl,
    SENDER_EMAIL: settings.senderEmail,
    SENDER_NAME: settings.senderName,
    ACTIVATION_TOKEN_TTL_SECONDS: String(settings.activationTokenTtlSeconds),
    RESEND_COOLDOWN_SECONDS: String(settings.resendCooldownSeconds),
    RESEND_MAX_PER_HOUR: String(settings.resendMaxPerHour),
    BCRYPT_COST: String(settings.bcryptCost),
    ENUMERATION_PROTECTION: onOff(settings.enumerationProtection),
    PASSWORD_MIN_LENGTH: String(settings.passwordMinLength),
    PASSWORD_COMPOSITION: onOff(settings.passwordComposition),
  };
}
