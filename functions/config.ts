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

/** Every bad setting, one sentence each ("BCRYPT_COST must be a whole number from 4 to 15 (got "abc")."). */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join(' '));
    this.problems = problems;
  }
}

/** Values of these are never repeated in a message: it may reach a terminal log or CloudWatch. */
const SECRET_NAME = /(KEY|SECRET|PASSWORD|TOKEN)$/;

const FORMAT_WORDS: Record<string, string> = { url: 'a URL', email: 'an e-mail address' };

function orList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** A number bound worth saying: zod reports "no bound" as an infinite or safe-integer limit. */
function bound(value: number | null | undefined): number | undefined {
  return value == null || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value;
}

/** What a setting's checks ask for, read from its schema: "must be a whole number from 4 to 15". */
function requirement(schema: z.ZodType | undefined): string | undefined {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodPrefault)
    return requirement(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe)
    return requirement(schema.in as z.ZodType) ?? requirement(schema.out as z.ZodType);
  if (schema instanceof z.ZodNumber) {
    const kind = schema.isInt ? 'a whole number' : 'a number';
    const [min, max] = [bound(schema.minValue), bound(schema.maxValue)];
    if (min !== undefined && max !== undefined) return `must be ${kind} from ${min} to ${max}`;
    if (min !== undefined) return `must be ${kind} of at least ${min}`;
    if (max !== undefined) return `must be ${kind} of at most ${max}`;
    return `must be ${kind}`;
  }
  if (schema instanceof z.ZodEnum) return `must be ${orList(schema.options.map(String))}`;
  if (schema instanceof z.ZodStringFormat)
    return `must be ${FORMAT_WORDS[schema.format ?? ''] ?? `a valid ${schema.format}`}`;
  if (schema instanceof z.ZodString) {
    const min = schema.minLength ?? 0;
    if (min > 1) return `must be at least ${min} characters long`;
    if (min === 1) return 'must not be empty';
  }
  return undefined;
}

/** One sentence for one variable: what it must be, in words, and what it was (unless secret). */
function sentence(name: string, schema: z.ZodType | undefined, issues: z.core.$ZodIssue[], value: unknown) {
  if (value === undefined) return `${name} must be set.`;
  // A refinement's own message is already in words ("must be an http(s) URL") and says the most.
  const custom = issues.find((issue) => issue.code === 'custom')?.message.replace(/\.$/, '');
  const words = custom ?? requirement(schema) ?? `is not valid (${issues[0]?.message ?? 'rejected'})`;
  const shown = String(value).length > 60 ? `${String(value).slice(0, 60)}…` : String(value);
  return `${name} ${words}${SECRET_NAME.test(name) ? '' : ` (got ${JSON.stringify(shown)})`}.`;
}

/**
 * Checks `env` against a schema of settings and says every problem at once, one sentence per
 * variable, phrased from the schema's own checks. Shared by the functions and the local stack, so
 * a bad value reads the same wherever it is set.
 */
export function checkSettings<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  env: Record<string, string | undefined>,
): { ok: true; data: z.infer<z.ZodObject<Shape>> } | { ok: false; problems: string[] } {
  const parsed = schema.safeParse(env);
  if (parsed.success) return { ok: true, data: parsed.data };
  const byName = new Map<string, z.core.$ZodIssue[]>();
  for (const issue of parsed.error.issues) {
    const name = issue.path.map(String).join('.');
    byName.set(name, [...(byName.get(name) ?? []), issue]);
  }
  const problems = [...byName].map(([name, issues]) =>
    name === ''
      ? issues.map((issue) => `${issue.message.replace(/\.$/, '')}.`).join(' ')
      : sentence(name, schema.shape[name] as z.ZodType | undefined, issues, env[name]),
  );
  return { ok: false, problems };
}

/** `checkSettings` for those who cannot go on without them: throws one ConfigError naming each bad variable. */
export function parseSettings<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  env: Record<string, string | undefined>,
): z.infer<z.ZodObject<Shape>> {
  const checked = checkSettings(schema, env);
  if (!checked.ok) throw new ConfigError(checked.problems);
  return checked.data;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseSettings(schema, env);
}
