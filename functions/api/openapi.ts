import * as z from 'zod/mini';
import { PROBLEMS, type ProblemCode } from '#http/problems.ts';
import { contractSchemas } from '../handlers/schemas.ts';
import { type Access, problemsOf, type RouteDefinition } from './route.ts';

/** What each problem code means, in the words the document gives an integrator. */
const PROBLEM_MEANINGS: Readonly<Record<ProblemCode, string>> = {
  VALIDATION_FAILED:
    'malformed JSON, a wrong content type, an unknown, missing, mistyped or too-long field, a body over 16 KiB, or a value a rule refuses; `errors` names each field problem with its own code',
  ANSWERS_WRONG: 'one or more security answers do not match (the link stays usable)',
  INVALID_CREDENTIALS: 'the ID or the password is not right (one answer for every kind of failure)',
  UNAUTHENTICATED: 'no valid session or credentials',
  FORBIDDEN:
    'the request did not come through the site address (in AWS the public routes answer only requests that carry the header CloudFront adds)',
  USER_NOT_FOUND: 'no user has this ID',
  NOT_FOUND: 'no route matches the method and path',
  USER_EXISTS: 'a user with this ID card number is already registered',
  ALREADY_ACTIVE: 'the account is already active',
  TOKEN_EXPIRED: 'the link is known but past its lifetime (30 minutes by default)',
  TOKEN_INVALID: 'the link is unknown, used, or replaced by a later e-mail',
  ACCOUNT_LOCKED: 'too many wrong secrets for this ID; Retry-After says when to try again',
  RESEND_COOLDOWN:
    'an e-mail went out recently (60 s apart, 5 per hour by default); Retry-After says when to try again',
  INTERNAL_ERROR: 'something went wrong on the server (logged; the body says nothing more)',
  EMAIL_REJECTED:
    'the e-mail service refused the message for good; retrying cannot help (no Retry-After) and nothing was spent',
  SERVICE_UNAVAILABLE:
    'DynamoDB or SES failed after retries; nothing was left half-done; Retry-After says when to try again',
  ACCOUNT_DISABLED: 'the account was deactivated by an administrator: no sign-in, recovery or activation',
  ALREADY_DISABLED: 'the account is already deactivated',
  NOT_DISABLED: 'the account is not deactivated, so there is nothing to reactivate',
  DUTY_UNKNOWN:
    'a duty code is not in the catalogue (`GET /api/admin/duties`); `errors` names the assignment',
  DUTY_CONFLICT:
    'segregation of duties: two of the duties may not be held in one PTJ at overlapping dates (a deployment setting names the pairs)',
  OWN_REQUEST: 'four eyes: a request is approved or rejected by another administrator than its requester',
  REQUEST_NOT_FOUND: 'no change request has this id (or it is outside your PTJs)',
  REQUEST_DECIDED: 'the request was already approved or rejected, or another administrator is applying it',
  CHANGED_MEANWHILE:
    'the user changed between reading and writing (another administrator or the officer); read again and retry',
};

const RETRY_AFTER_CODES = new Set<ProblemCode>(['ACCOUNT_LOCKED', 'RESEND_COOLDOWN', 'SERVICE_UNAVAILABLE']);

const TAGS = [
  {
    name: 'activation',
    description: 'Pengaktifan Profil Pengguna: the e-mailed link, its page and activation.',
  },
  { name: 'auth', description: 'Sign-in, the session and sign-out.' },
  {
    name: 'recovery',
    description: 'Lupa Kata Laluan: a password recovery by e-mail and two security answers.',
  },
  { name: 'account', description: "A signed-in officer's own account." },
  { name: 'password-policy', description: 'The password rules, checked live.' },
  {
    name: 'admin',
    description:
      "Administration (Pendaftaran Baharu dan Kemaskini Maklumat Pengguna, Pengurusan Tugas): an administrator's session, whose current duties decide what they may do (PENTADBIR_SISTEM: every user; PENTADBIR_PTJ: the users of their PTJs, and their changes wait for a system administrator's approval: 202 with the request), or automation (SigV4 on the IAM-authorized admin API; locally the bearer key), which acts as a system administrator.",
  },
  { name: 'service', description: 'The service itself: liveness and this document.' },
];

function tagOf(path: string): string {
  const area = path.split('/')[2] ?? '';
  return TAGS.some((tag) => tag.name === area) ? area : 'service';
}

const SECURITY: Readonly<Record<Access, Record<string, string[]>[]>> = {
  public: [{}],
  officer: [{ sessionCookie: [] }],
  administrator: [{ sessionCookie: [] }, { sigv4: [] }, { localAdminKey: [] }],
  iam: [{ sigv4: [] }, { localAdminKey: [] }],
};

/** The `{name}` parts of the path and the query's fields, as OpenAPI parameters. */
function parameters(route: RouteDefinition) {
  const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description: route.pathDescriptions?.[name ?? ''] ?? name,
    schema: { type: 'string' },
  }));
  const query = route.query
    ? Object.entries(
        (tidy(z.toJSONSchema(route.query)) as { properties?: Record<string, { description?: string }> })
          .properties ?? {},
      ).map(([name, schema]) => {
        const { description, ...rest } = schema;
        return { name, in: 'query', required: false, ...(description ? { description } : {}), schema: rest };
      })
    : [];
  const all = [...inPath, ...query];
  return all.length ? { parameters: all } : {};
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function schemaRef(schema: z.ZodMiniType | undefined): object | undefined {
  if (!schema) return undefined;
  const meta = contractSchemas.get(schema);
  if (!meta)
    throw new Error(
      'Every request and answer schema of the route table must be named (handlers/schemas.ts `named`)',
    );
  return ref(meta.id);
}

/** zod's JSON Schema, tidied for a readable document: no per-schema `$schema`/`$id`, no noise bounds. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>).filter(([key, value]) => {
    if (key === '$schema' || key === '$id') return false;
    if ((key === 'minimum' || key === 'maximum') && Math.abs(Number(value)) === Number.MAX_SAFE_INTEGER)
      return false;
    if (key === 'pattern' && ['date-time', 'email'].includes(String((node as { format?: unknown }).format)))
      return false;
    return true;
  });
  return Object.fromEntries(entries.map(([key, value]) => [key, tidy(value)]));
}

function problemResponses(route: RouteDefinition) {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of problemsOf(route)) {
    const { status } = PROBLEMS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: codes.map((code) => `${code}: ${PROBLEM_MEANINGS[code]}.`).join(' '),
        content: { 'application/problem+json': { schema: ref('Problem') } },
        ...(codes.some((code) => RETRY_AFTER_CODES.has(code))
          ? {
              headers: {
                'Retry-After': {
                  description: 'Seconds to wait before trying again.',
                  schema: { type: 'integer' },
                },
              },
            }
          : {}),
      },
    ]),
  );
}

function operation(route: RouteDefinition) {
  const success = Object.fromEntries(
    Object.entries(route.responses).map(([status, spec]) => [
      status,
      {
        description: spec.description,
        ...(spec.schema ? { content: { 'application/json': { schema: schemaRef(spec.schema) } } } : {}),
        ...(spec.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(spec.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
      },
    ]),
  );
  return {
    operationId: route.name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    summary: route.summary,
    description: route.description,
    tags: [tagOf(route.path)],
    security: SECURITY[route.access],
    ...parameters(route),
    ...(route.request
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaRef(route.request) } },
          },
        }
      : {}),
    responses: { ...success, ...problemResponses(route) },
  };
}

/** The OpenAPI 3.1 document of the route table: every path, schema and problem code from the code itself. */
export function openApiDocument(routes: readonly RouteDefinition[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  const { schemas } = z.toJSONSchema(contractSchemas, {
    uri: (id) => `#/components/schemas/${id}`,
    metadata: contractSchemas,
  });
  const codes = Object.keys(PROBLEMS) as ProblemCode[];
  return {
    openapi: '3.1.0',
    info: {
      title: 'iSPEKS user activation API',
      version,
      description:
        "Activation, sign-in, recovery and administration of iSPEKS officers' accounts. JSON bodies (UTF-8, at most 16 KiB). Every error is RFC 9457 problem details with a stable upper-case `code`. A user ID is `900101145678`, `900101-14-5678` or `<agency>:900101145678` (agency: 2–10 lowercase letters); all name the same user, keyed by the 12-digit MyKad number. Secrets (passwords, answers, tokens) never appear in URLs or responses; link tokens ride in the URL fragment, which never reaches a server.",
      license: { name: "Proprietary: a state government's own system", identifier: 'LicenseRef-iSPEKS' },
    },
    servers: [
      {
        url: 'https://ispeks.example.gov.my',
        description: 'The site (CloudFront routes /api/* to the API); locally http://localhost:3000',
      },
    ],
    tags: TAGS,
    paths,
    components: {
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-ispeks-session',
          description:
            'The server-side session set by POST /api/auth/login (Secure, HttpOnly, SameSite=Strict).',
        },
        sigv4: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'AWS Signature Version 4 (IAM), on the API endpoint directly.',
        },
        localAdminKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'Local stack only: the ADMIN_API_KEY of `npm start`.',
        },
      },
      schemas: {
        ...(tidy(schemas) as Record<string, unknown>),
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details (`application/problem+json`).',
          required: ['type', 'title', 'status', 'detail', 'code'],
          properties: {
            type: { type: 'string', format: 'uri' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string', enum: codes, description: 'Stable; a page maps it to its own words.' },
            errors: {
              type: 'array',
              description: 'With VALIDATION_FAILED: each field problem.',
              items: {
                type: 'object',
                required: ['path', 'code'],
                properties: {
                  path: {
                    type: 'string',
                    description:
                      'Dotted path of the field, e.g. `securityAnswers.1.answer`; empty for the body.',
                  },
                  code: {
                    type: 'string',
                    description: 'E.g. REQUIRED, UNKNOWN_FIELD, TOO_LONG, PASSWORD_NO_DIGIT.',
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
