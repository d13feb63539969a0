import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { ProblemCode } from '#http/problems.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route:
 * - `public`: anyone; the function decides by what the request carries (a single-use token,
 *   credentials inside the guess budget, or nothing to protect);
 * - `officer`: a signed-in officer (the session cookie, checked by the function);
 * - `administrator`: an administrator's session (the function checks their *current* duties), or
 *   automation: the same path on the second, IAM-authorized API (SigV4), whose requests API Gateway
 *   marks with the signer (`requestContext.authorizer.iam`); locally `Authorization: Bearer <ADMIN_API_KEY>`;
 * - `iam`: automation only, signed with SigV4 in AWS (API Gateway's IAM authorizer); the local stack's
 *   stand-in is `Authorization: Bearer <ADMIN_API_KEY>`.
 */
export type Access = 'public' | 'officer' | 'administrator' | 'iam';

/** The tables of `functions/tables.ts`, by the key the route table names them with. */
export type TableKey = 'users' | 'tokens' | 'sessions' | 'attempts' | 'requests' | 'audit' | 'progress';

/** The item-level DynamoDB actions a function may be granted; `TransactWriteItems` is checked per item action. */
export type DynamoDbAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query';

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface ResponseSpec {
  description: string;
  /** The body's schema (none for an empty body). */
  schema?: z.ZodMiniType;
  /** Response headers worth documenting, by name, with what they say. */
  headers?: Readonly<Record<string, string>>;
}

/** One route of the API, described once: the CDK stack, the local server and the OpenAPI document all read it. */
export interface RouteDefinition {
  /** The handler's file name under functions/handlers/ (kebab-case); also the function's construct id. */
  readonly name: string;
  readonly method: Method;
  readonly path: string;
  /** The handler module: an import an editor can follow (a test checks it is `handlers/<name>.ts`). */
  readonly load: () => Promise<{ handler: ApiHandler }>;
  readonly access: Access;
  readonly summary: string;
  readonly description: string;
  /** The JSON body's schema; routes without one take no body. */
  readonly request?: z.ZodMiniType;
  /** The query's fields (all optional; each with a description), checked by the handler. */
  readonly query?: z.ZodMiniObject;
  /** What each `{name}` of the path is. */
  readonly pathDescriptions?: Readonly<Record<string, string>>;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /**
   * The problem codes this route may answer besides the ones every route of its kind can
   * (a body: VALIDATION_FAILED; a dependency: SERVICE_UNAVAILABLE; public: FORBIDDEN around CloudFront).
   */
  readonly problems: readonly ProblemCode[];
  /** Exactly the DynamoDB actions its use case performs, per table (least privilege). */
  readonly tables: Readonly<Partial<Record<TableKey, readonly DynamoDbAction[]>>>;
  /** The use case sends e-mail (SES SendEmail as the configured sender only). */
  readonly sendsEmail?: boolean;
}

/** Every problem code the route can answer: its own, and those that come with its kind. */
export function problemsOf(route: RouteDefinition): ProblemCode[] {
  const codes = new Set<ProblemCode>(route.problems);
  if (route.request) codes.add('VALIDATION_FAILED');
  if (route.query) codes.add('VALIDATION_FAILED');
  if (route.access !== 'iam') codes.add('FORBIDDEN');
  if (route.access === 'iam' || route.access === 'administrator') codes.add('UNAUTHENTICATED');
  if (Object.keys(route.tables).length > 0 || route.sendsEmail) codes.add('SERVICE_UNAVAILABLE');
  return [...codes];
}
