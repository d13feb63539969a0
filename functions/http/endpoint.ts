import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { enterTimeBudget } from '#adapters/time-budget.ts';
import { ServiceUnavailableError } from '#domain/errors.ts';
import { validatedJsonBody } from './json-body.ts';
import { log, setLogContext } from './logger.ts';
import { originVerify } from './origin-verify.ts';
import { problemDetails } from './problem-details.ts';
import { type HttpResult, toApiGatewayResult } from './responses.ts';

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * A last resort: every AWS call already ends inside the request's time budget (entered below), so
 * this fires only if something else hangs. middy then answers through the one error path as
 * 503 + Retry-After, not as its generic TimeoutError, which would become a 500.
 */
const plugin: middy.PluginObject = {
  timeoutEarlyResponse: () => {
    throw new ServiceUnavailableError('The service', { retryAfterSeconds: 5 });
  },
};

function requestLog(): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  // Keyed by request: one handler serves concurrent invocations on the local server.
  const startedAt = new WeakMap<object, number>();
  const done = (request: middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>) => {
    const started = startedAt.get(request) ?? Date.now();
    log('info', 'request done', { status: request.response?.statusCode, durationMs: Date.now() - started });
  };
  return {
    before: (request) => {
      startedAt.set(request, Date.now());
      enterTimeBudget(request.context.getRemainingTimeInMillis());
      setLogContext({
        requestId: request.event.requestContext?.requestId ?? request.context.awsRequestId,
        route: request.event.routeKey,
      });
    },
    after: done,
    onError: done,
  };
}

/** Who calls, established before anything of the request is read: a route for a known caller. */
export type Identify<C> = (event: APIGatewayProxyEventV2) => Promise<C>;

/** The event as the steps leave it: with the caller (when identified) and the validated body (when read). */
type Prepared<C, I> = APIGatewayProxyEventV2 & { caller: C; input: I };
type Step<C, I> = middy.MiddlewareObj<Prepared<C, I>, APIGatewayProxyStructuredResultV2>;

function identified<C, I>(identify: Identify<C>): Step<C, I> {
  return {
    before: async (request) => {
      request.event.caller = await identify(request.event);
    },
  };
}

/**
 * The one middy stack every route runs: request log, the one error mapper, the origin check, then
 * (for a route with a known caller) who calls, before anything of the request is read, so a caller
 * without credentials learns 401 (and one without rights 403) before any 400; then (for a route
 * with a body) its parsing and validation.
 */
function endpoint<C, I>(
  steps: { identify?: Identify<C>; schema?: z.ZodMiniType },
  run: (event: Prepared<C, I>) => Promise<HttpResult>,
): ApiHandler {
  let chain = middy<Prepared<C, I>, APIGatewayProxyStructuredResultV2>(plugin)
    .use(requestLog())
    .use(problemDetails())
    .use(originVerify());
  if (steps.identify) chain = chain.use(identified<C, I>(steps.identify));
  if (steps.schema) chain = chain.use(validatedJsonBody(steps.schema) as unknown as Step<C, I>);
  return chain.handler(async (event) => toApiGatewayResult(await run(event))) as unknown as ApiHandler;
}

/** A route with a JSON body: `handle` receives the validated input and returns one result. */
export function jsonEndpoint<S extends z.ZodMiniType>(
  schema: S,
  handle: (input: z.infer<S>, event: APIGatewayProxyEventV2) => Promise<HttpResult>,
): ApiHandler {
  return endpoint<never, z.infer<S>>({ schema }, (event) => handle(event.input, event));
}

/** A route that takes no body (GET). */
export function plainEndpoint(handle: (event: APIGatewayProxyEventV2) => Promise<HttpResult>): ApiHandler {
  return endpoint({}, (event) => handle(event));
}

/** As `jsonEndpoint`, for a route with a known caller. */
export function callerJsonEndpoint<C, S extends z.ZodMiniType>(
  identify: Identify<C>,
  schema: S,
  handle: (caller: C, input: z.infer<S>, event: APIGatewayProxyEventV2) => Promise<HttpResult>,
): ApiHandler {
  return endpoint<C, z.infer<S>>({ identify, schema }, (event) => handle(event.caller, event.input, event));
}

/** As `plainEndpoint`, for a route with a known caller. */
export function callerEndpoint<C>(
  identify: Identify<C>,
  handle: (caller: C, event: APIGatewayProxyEventV2) => Promise<HttpResult>,
): ApiHandler {
  return endpoint<C, never>({ identify }, (event) => handle(event.caller, event));
}
