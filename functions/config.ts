import { z } from 'zod';

/**
 * Every setting the functions read, checked once at cold start. The CDK stack sets these from
 * context; the local stack sets them from its own environment. A bad value stops start-up with a
 * message naming the variable, never a half-configured function.
 */
const flag = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const positiveInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  USERS_TABLE: z.string().min(1),
  TOKENS_TABLE: z.string().min(1),
  SESSIONS_TABLE: z.string().min(1),
  ATTEMPTS_TABLE: z.string().min(1),
  SITE_URL: z
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')
    .transform((u) => u.replace(/\/+$/, '')),
  SENDER_EMAIL: z.email(),
  SENDER_NAME: z.string().min(1).default('Sistem iSPEKS'),
  ACTIVATION_TOKEN_TTL_SECONDS: positiveInt(60, 86_400).default(1800),
  RESEND_COOLDOWN_SECONDS: positiveInt(0, 3600).default(60),
  RESEND_MAX_PER_HOUR: positiveInt(1, 100).default(5),
  /** Lifetime of a Lupa Kata Laluan link; its e-mails share the resend pacing, counted apart. */
  RECOVERY_TOKEN_TTL_SECONDS: positiveInt(60, 86_400).default(1800),
  // Cost 12 is the production floor (security.md 15); tests may go lower to stay fast.
  BCRYPT_COST: positiveInt(4, 15).default(12),
  ENUMERATION_PROTECTION: flag.default(false),
  /** Minimum answer time in enumeration-protection mode, so timing tells nothing either. */
  ENUMERATION_MIN_RESPONSE_MS: positiveInt(0, 10_000).default(1500),
  PASSWORD_MIN_LENGTH: positiveInt(8, 64).default(12),
  /** `on`: the source's composition rules (lower, upper, digit, special); `off`: NIST length-only. */
  PASSWORD_COMPOSITION: flag.default(true),
  LOGIN_MAX_FAILURES: positiveInt(3, 20).default(5),
  LOGIN_LOCK_SECONDS: positiveInt(60, 86_400).default(900),
  SESSION_IDLE_SECONDS: positiveInt(60, 86_400).default(1800),
  SESSION_MAX_SECONDS: positiveInt(300, 7 * 86_400).default(43_200),
  /**
   * When set (by the CDK stack), public routes answer only requests that carry this value in the
   * `x-origin-verify` header, which CloudFront adds: the bare execute-api endpoint is closed.
   */
  ORIGIN_VERIFY_SECRET: z.string().min(32).optional(),
  DYNAMODB_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('ap-southeast-1'),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid setting — ${problems}`);
  }
  return parsed.data;
}
