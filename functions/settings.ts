/**
 * Every setting, one row each: the single source that the functions (`functions/config.ts`), the
 * local stack (`bin/local.ts`), the CDK app (`lib/settings.ts`) and the README's settings tables
 * (`npm run docs`) all read, with the small parser they share. Plain data and no imports: this
 * module ships in every Lambda bundle.
 */

/** Who reads a setting: the functions (in Lambda and on the local stack), the local stack alone, or the CDK app alone. */
export type Scope = 'functions' | 'local' | 'cdk';

interface Common {
  /** The environment variable that carries it; a setting of the CDK app alone has none. */
  readonly variable?: string;
  /** The CDK context key a deployer sets it with (`cdk.json` or `-c key=value`), when deployable. */
  readonly context?: string;
  readonly scope: Scope;
  /**
   * Given by the stacks rather than by a person: by both (table names), by the CDK stack alone
   * (the origin secret) or by the local stack alone (its endpoints; also its own address and
   * sender, which a deployer gives by context).
   */
  readonly setBy?: 'both stacks' | 'cdk stack' | 'local stack';
  /** No default: nothing starts without it. */
  readonly required?: true;
  /** Never repeated in a message: messages reach terminals, CI logs and CloudWatch. */
  readonly secret?: true;
  /** What happens when it is unset, where that is not a value ("generated, kept in `DATA_DIR`"). */
  readonly unsetMeans?: string;
  /** The context key that must be given with this one, or neither. */
  readonly givenWith?: string;
  readonly meaning: string;
}

/** What a value must be, with its default; `deployed` is the stricter bound production keeps. */
export type Kind =
  | {
      readonly kind: 'int';
      readonly min: number;
      readonly max: number;
      readonly default?: number;
      readonly deployed?: { readonly min: number };
    }
  | { readonly kind: 'flag'; readonly default?: boolean }
  | { readonly kind: 'url'; readonly default?: string; readonly deployed?: { readonly httpsOnly: true } }
  | { readonly kind: 'email'; readonly default?: string }
  | {
      readonly kind: 'text';
      /** 1 unless said: an empty value is an error, not "unset". */
      readonly minLength?: number;
      readonly pattern?: { readonly regex: RegExp; readonly words: string };
      readonly default?: string;
    }
  | { readonly kind: 'enum'; readonly options: readonly string[]; readonly default?: string };

export type Setting = Common & Kind;

const plainText = {
  regex: /^[^\r\n<>"]+$/,
  words: 'must be plain text without line breaks, quotes or angle brackets',
};

const rows = [
  // Read by the functions, in Lambda and on the local stack.
  {
    variable: 'USERS_TABLE',
    scope: 'functions',
    setBy: 'both stacks',
    kind: 'text',
    required: true,
    meaning: 'name of the users table',
  },
  {
    variable: 'TOKENS_TABLE',
    scope: 'functions',
    setBy: 'both stacks',
    kind: 'text',
    required: true,
    meaning: 'name of the activation and recovery links table',
  },
  {
    variable: 'SESSIONS_TABLE',
    scope: 'functions',
    setBy: 'both stacks',
    kind: 'text',
    required: true,
    meaning: 'name of the sessions table',
  },
  {
    variable: 'ATTEMPTS_TABLE',
    scope: 'functions',
    setBy: 'both stacks',
    kind: 'text',
    required: true,
    meaning: 'name of the sign-in guess budget table',
  },
  {
    variable: 'REQUESTS_TABLE',
    scope: 'functions',
    setBy: 'both stacks',
    kind: 'text',
    required: true,
    meaning: "name of the administrators' change requests table (four eyes)",
  },
  {
    variable: 'AUDIT_TABLE',
    scope: 'functions',
    setBy: 'both stacks',
    kind: 'text',
    required: true,
    meaning: 'name of the audit trail table (append-only)',
  },
  {
    variable: 'PROGRESS_TABLE',
    scope: 'functions',
    setBy: 'both stacks',
    kind: 'text',
    required: true,
    meaning: 'name of the activation progress counters table (per PTJ and per agency)',
  },
  {
    variable: 'SITE_URL',
    context: 'siteUrl',
    scope: 'functions',
    setBy: 'local stack',
    kind: 'url',
    required: true,
    deployed: { httpsOnly: true },
    meaning: 'public address of the pages, used in e-mail links; never taken from a request',
  },
  {
    variable: 'SENDER_EMAIL',
    context: 'senderEmail',
    scope: 'functions',
    setBy: 'local stack',
    kind: 'email',
    required: true,
    meaning: 'sender of every e-mail: a verified SES identity',
  },
  {
    variable: 'SENDER_NAME',
    context: 'senderName',
    scope: 'functions',
    kind: 'text',
    pattern: plainText,
    default: 'Sistem iSPEKS',
    meaning: "the sender's display name",
  },
  {
    variable: 'ACTIVATION_TOKEN_TTL_SECONDS',
    context: 'activationTokenTtlSeconds',
    scope: 'functions',
    kind: 'int',
    min: 60,
    max: 86_400,
    default: 1800,
    meaning: 'activation link lifetime, in seconds',
  },
  {
    variable: 'RESEND_COOLDOWN_SECONDS',
    context: 'resendCooldownSeconds',
    scope: 'functions',
    kind: 'int',
    min: 0,
    max: 3600,
    default: 60,
    meaning: 'wait between two e-mails with a link to one user, in seconds',
  },
  {
    variable: 'RESEND_MAX_PER_HOUR',
    context: 'resendMaxPerHour',
    scope: 'functions',
    kind: 'int',
    min: 1,
    max: 100,
    default: 5,
    meaning: 'e-mails with a link per user per hour (activation and recovery counted apart)',
  },
  {
    variable: 'RECOVERY_TOKEN_TTL_SECONDS',
    context: 'recoveryTokenTtlSeconds',
    scope: 'functions',
    kind: 'int',
    min: 60,
    max: 86_400,
    default: 1800,
    meaning: 'recovery (Lupa Kata Laluan) link lifetime, in seconds',
  },
  {
    // Production never hashes a password below cost 12; tests may go lower to stay fast.
    variable: 'BCRYPT_COST',
    context: 'bcryptCost',
    scope: 'functions',
    kind: 'int',
    min: 4,
    max: 15,
    default: 12,
    deployed: { min: 12 },
    meaning: 'bcrypt cost of passwords (security answers: two less)',
  },
  {
    variable: 'ENUMERATION_PROTECTION',
    context: 'enumerationProtection',
    scope: 'functions',
    kind: 'flag',
    default: false,
    meaning: 'resend answers alike for every ID, known or not',
  },
  {
    variable: 'ENUMERATION_MIN_RESPONSE_MS',
    context: 'enumerationMinResponseMs',
    scope: 'functions',
    kind: 'int',
    min: 0,
    max: 10_000,
    default: 1500,
    meaning: 'floor, in milliseconds, on the time of answers that must not tell IDs apart',
  },
  {
    variable: 'PASSWORD_MIN_LENGTH',
    context: 'passwordMinLength',
    scope: 'functions',
    kind: 'int',
    min: 8,
    max: 64,
    default: 12,
    meaning: 'minimum password length',
  },
  {
    variable: 'PASSWORD_COMPOSITION',
    context: 'passwordComposition',
    scope: 'functions',
    kind: 'flag',
    default: true,
    meaning: 'passwords need lower case, upper case, digit and special character (off: NIST length-only)',
  },
  {
    variable: 'LOGIN_MAX_FAILURES',
    context: 'loginMaxFailures',
    scope: 'functions',
    kind: 'int',
    min: 3,
    max: 20,
    default: 5,
    meaning: 'wrong passwords for one ID before it is locked',
  },
  {
    variable: 'LOGIN_LOCK_SECONDS',
    context: 'loginLockSeconds',
    scope: 'functions',
    kind: 'int',
    min: 60,
    max: 86_400,
    default: 900,
    meaning: 'how long a locked ID stays locked, in seconds',
  },
  {
    variable: 'SESSION_IDLE_SECONDS',
    context: 'sessionIdleSeconds',
    scope: 'functions',
    kind: 'int',
    min: 60,
    max: 86_400,
    default: 1800,
    meaning: 'a session ends after this many seconds without a request',
  },
  {
    variable: 'SESSION_MAX_SECONDS',
    context: 'sessionMaxSeconds',
    scope: 'functions',
    kind: 'int',
    min: 300,
    max: 7 * 86_400,
    default: 43_200,
    meaning: 'a session ends this many seconds after sign-in, however busy',
  },
  {
    variable: 'FOUR_EYES',
    context: 'fourEyes',
    scope: 'functions',
    kind: 'flag',
    default: true,
    meaning:
      "a PTJ administrator's change waits for a system administrator's approval (off: it takes effect at once, for small deployments)",
  },
  {
    variable: 'DUTY_CONFLICTS',
    context: 'dutyConflicts',
    scope: 'functions',
    kind: 'text',
    pattern: {
      regex: /^(none|[A-Z_]+\+[A-Z_]+(,[A-Z_]+\+[A-Z_]+)*)$/,
      words: 'must be `none` or pairs of duty codes like `PENYEDIA+PELULUS`, separated by commas',
    },
    default: 'PENYEDIA+PELULUS,PENYEDIA+PENYEMAK',
    meaning: 'segregation of duties: pairs one officer may not hold in the same PTJ at the same time',
  },
  {
    variable: 'AUDIT_RETENTION_DAYS',
    context: 'auditRetentionDays',
    scope: 'functions',
    kind: 'int',
    min: 30,
    max: 36_500,
    default: 2557,
    meaning: 'days an audit record is kept before TTL deletes it (default 7 years: see "Audit trail")',
  },
  {
    variable: 'ORIGIN_VERIFY_SECRET',
    scope: 'functions',
    setBy: 'cdk stack',
    kind: 'text',
    minLength: 32,
    secret: true,
    unsetMeans: 'no check (the local stack)',
    meaning:
      'public routes answer only requests whose `x-origin-verify` header, added by CloudFront, is this',
  },
  {
    variable: 'ORIGIN_VERIFY_SECRET_PREVIOUS',
    scope: 'functions',
    setBy: 'cdk stack',
    kind: 'text',
    minLength: 32,
    secret: true,
    meaning: "the previous generation's value, accepted too while a rotation settles",
  },
  {
    variable: 'DYNAMODB_ENDPOINT',
    scope: 'functions',
    setBy: 'local stack',
    kind: 'url',
    unsetMeans: "AWS's own",
    meaning: 'DynamoDB Local',
  },
  {
    variable: 'SES_ENDPOINT',
    scope: 'functions',
    setBy: 'local stack',
    kind: 'url',
    unsetMeans: "AWS's own",
    meaning: 'the SES emulator',
  },
  {
    // In AWS, Lambda sets it to the function's own Region.
    variable: 'AWS_REGION',
    scope: 'functions',
    setBy: 'both stacks',
    kind: 'text',
    default: 'ap-southeast-1',
    meaning: 'Region of the tables and of SES',
  },

  // Read by the local stack alone (`npm start`).
  {
    variable: 'PORT',
    scope: 'local',
    kind: 'int',
    min: 1,
    max: 65_535,
    default: 3000,
    meaning: 'pages and API',
  },
  {
    variable: 'SES_PORT',
    scope: 'local',
    kind: 'int',
    min: 1,
    max: 65_535,
    default: 8005,
    meaning: 'SES emulator and its web inbox',
  },
  {
    variable: 'DYNAMODB_PORT',
    scope: 'local',
    kind: 'int',
    min: 1,
    max: 65_535,
    default: 8000,
    meaning: 'DynamoDB Local',
  },
  {
    variable: 'ADMIN_API_KEY',
    scope: 'local',
    kind: 'text',
    minLength: 16,
    secret: true,
    unsetMeans: 'generated, kept',
    meaning: 'bearer key for `/api/admin/*`',
  },
  {
    variable: 'ROTATE_ADMIN_KEY',
    scope: 'local',
    kind: 'flag',
    default: false,
    meaning: 'replace the kept admin key with a new one',
  },
  {
    variable: 'DATA_DIR',
    scope: 'local',
    kind: 'text',
    default: '.local/data',
    meaning: "DynamoDB Local's data and the kept admin key, between runs",
  },
  {
    variable: 'IN_MEMORY',
    scope: 'local',
    kind: 'flag',
    default: false,
    meaning: 'keep nothing (a new admin key each run)',
  },
  {
    variable: 'LOG_LEVEL',
    scope: 'local',
    kind: 'enum',
    options: ['debug', 'info', 'warn', 'error', 'off'],
    default: 'info',
    meaning: 'the request log',
  },
  {
    variable: 'LOG_FILE',
    scope: 'local',
    kind: 'text',
    unsetMeans: '`logs/api.log` next to `DATA_DIR`',
    meaning: 'where the request log lines go',
  },
  {
    variable: 'LOG_TO_STDOUT',
    scope: 'local',
    kind: 'flag',
    default: false,
    meaning: 'request log lines to the terminal instead of `LOG_FILE`',
  },

  // Read by the CDK app alone.
  {
    context: 'domainName',
    scope: 'cdk',
    kind: 'text',
    givenWith: 'certificateArn',
    meaning: 'custom domain for CloudFront; enforces TLS 1.2',
  },
  {
    context: 'certificateArn',
    scope: 'cdk',
    kind: 'text',
    meaning: "the custom domain's ACM certificate (in us-east-1)",
  },
  {
    context: 'webAclArn',
    scope: 'cdk',
    kind: 'text',
    meaning: 'an AWS WAF web ACL (CLOUDFRONT scope, so in us-east-1) for the distribution',
  },
  {
    context: 'originSecretGeneration',
    scope: 'cdk',
    kind: 'int',
    min: 1,
    max: 10_000,
    default: 1,
    meaning: 'raise by one to rotate the secret CloudFront sends to the API',
  },
] as const satisfies readonly Setting[];

/** The table, row by row. */
export const settings: readonly Setting[] = rows;

type Row = (typeof rows)[number];

type KindValue<R> = R extends { kind: 'int' }
  ? number
  : R extends { kind: 'flag' }
    ? boolean
    : R extends { kind: 'enum'; options: readonly (infer O)[] }
      ? O
      : string;
type Value<R> = R extends { default: unknown } | { required: true } ? KindValue<R> : KindValue<R> | undefined;

/** The parsed settings of one scope, keyed by environment variable: `number`, `boolean` or `string`, `| undefined` when optional. */
export type SettingsOf<S extends 'functions' | 'local'> = {
  -readonly [R in Row as R extends { scope: S; variable: infer V extends string } ? V : never]: Value<R>;
};

/** The deployer's settings, keyed by CDK context key. */
export type ContextSettings = {
  -readonly [R in Row as R extends { context: infer K extends string } ? K : never]: Value<R>;
};

/** The environment variables the functions read. */
export type FunctionVariable = keyof SettingsOf<'functions'>;

/** A value that passed its row's checks, or what the row asks for, in words. */
export type Checked =
  | { readonly ok: true; readonly value: number | boolean | string }
  | {
      readonly ok: false;
      /** "must be a whole number from 4 to 15" */
      readonly requirement: string;
      /** The bound a whole number crossed: "must be at least 12", and whether it is the deployed bound. */
      readonly crossed?: { readonly words: string; readonly deployed: boolean };
    };

const FLAG_WORDS: Readonly<Record<string, boolean>> = {
  '0': false,
  '1': true,
  on: true,
  off: false,
  true: true,
  false: false,
};

// zod's e-mail pattern, which these settings were checked with before: the same addresses pass.
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

function orList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** The lower bound in force: stricter when deployed, where the row says so. */
function lowest(row: Setting & { kind: 'int' }, deployed: boolean): number {
  return deployed && row.deployed ? row.deployed.min : row.min;
}

/**
 * Checks one given value against its row. Environment variables are strings; CDK context may also
 * hold numbers and booleans (`cdk.json`), while `-c key=value` gives strings, so both are taken.
 * `deployed` applies the stricter production bounds. URLs lose their trailing slashes.
 */
export function checkValue(row: Setting, raw: unknown, deployed = false): Checked {
  const text =
    typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
  if (text === undefined) return { ok: false, requirement: 'must be a single value' };
  switch (row.kind) {
    case 'int': {
      const min = lowest(row, deployed);
      const n = typeof raw === 'number' ? raw : /^[+-]?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
      if (Number.isInteger(n) && n >= min && n <= row.max) return { ok: true, value: n };
      const requirement = `must be a whole number from ${min} to ${row.max}`;
      if (!Number.isInteger(n)) return { ok: false, requirement };
      return n < min
        ? { ok: false, requirement, crossed: { words: `must be at least ${min}`, deployed: min !== row.min } }
        : { ok: false, requirement, crossed: { words: `must be at most ${row.max}`, deployed: false } };
    }
    case 'flag': {
      const value = typeof raw === 'boolean' ? raw : FLAG_WORDS[text];
      return value === undefined
        ? { ok: false, requirement: `must be ${orList(Object.keys(FLAG_WORDS))}` }
        : { ok: true, value };
    }
    case 'url': {
      const httpsOnly = deployed && row.deployed?.httpsOnly === true;
      const protocol = URL.canParse(text) ? new URL(text).protocol : '';
      return (httpsOnly ? protocol === 'https:' : protocol === 'http:' || protocol === 'https:')
        ? { ok: true, value: text.replace(/\/+$/, '') }
        : { ok: false, requirement: httpsOnly ? 'must be an https:// URL' : 'must be an http(s) URL' };
    }
    case 'email':
      return EMAIL.test(text)
        ? { ok: true, value: text }
        : { ok: false, requirement: 'must be an e-mail address' };
    case 'text': {
      const minLength = row.minLength ?? 1;
      if (text.length < minLength)
        return {
          ok: false,
          requirement: minLength > 1 ? `must be at least ${minLength} characters long` : 'must not be empty',
        };
      if (row.pattern && !row.pattern.regex.test(text)) return { ok: false, requirement: row.pattern.words };
      return { ok: true, value: text };
    }
    case 'enum':
      return row.options.includes(text)
        ? { ok: true, value: text }
        : { ok: false, requirement: `must be ${orList(row.options)}` };
  }
}

/** A value as a message may repeat it: never a secret's, and never at length. */
export function shownValue(row: Setting, raw: unknown): string {
  if (row.secret) return '';
  const shown = typeof raw === 'string' && raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
  return ` (got ${JSON.stringify(shown)})`;
}

/** The rows one scope reads from its environment. */
export function rowsOf(scope: 'functions' | 'local'): Array<Setting & { variable: string }> {
  return settings.filter(
    (row): row is Setting & { variable: string } => row.scope === scope && row.variable !== undefined,
  );
}

/**
 * Reads one scope's variables from `env`, each checked against its row, defaults filled in, and
 * says every problem at once, one sentence per variable in table order ("BCRYPT_COST must be a
 * whole number from 4 to 15 (got "abc").").
 */
export function checkSettings<S extends 'functions' | 'local'>(
  scope: S,
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; data: SettingsOf<S> } | { ok: false; problems: string[] } {
  const data: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const row of rowsOf(scope)) {
    const raw = env[row.variable];
    if (raw === undefined) {
      if (row.required) problems.push(`${row.variable} must be set.`);
      data[row.variable] = row.default;
      continue;
    }
    const checked = checkValue(row, raw);
    if (checked.ok) data[row.variable] = checked.value;
    else problems.push(`${row.variable} ${checked.requirement}${shownValue(row, raw)}.`);
  }
  return problems.length === 0 ? { ok: true, data: data as SettingsOf<S> } : { ok: false, problems };
}

/** A parsed value as an environment variable carries it: flags as `on`/`off`. */
export function environmentValue(value: number | boolean | string): string {
  return typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value);
}
