import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { enterTimeBudget } from '#adapters/time-budget.ts';
import { ServiceUnavailableError } from '#domain/errors.ts';
import { type ValidatedEvent, validatedJsonBody } from './json-body.ts';
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

/**
 * The shared middy stack for a JSON endpoint: request log, the one error mapper, then body
 * parsing and validation. `handle` receives validated input and returns one result.
 */
export function jsonEndpoint<S extends z.ZodMiniType>(
  schema: S,
  handle: (input: z.infer<S>, event: APIGatewayProxyEventV2) => Promise<HttpResult>,
): ApiHandler {
  return middy<ValidatedEvent<z.infer<S>>, APIGatewayProxyStructuredResultV2>(plugin)
    .use(requestLog())
    .use(problemDetails())
    .use(originVerify())
    .use(validatedJsonBody(schema))
    .handler(async (event) => toApiGatewayResult(await handle(event.input, event))) as unknown as ApiHandler;
}

/** The same stack for a route that takes no body (GET). */
export function plainEndpoint(handle: (event: APIGatewayProxyEventV2) => Promise<HttpResult>): ApiHandler {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(plugin)
    .use(requestLog())
    .use(problemDetails())
    .use(originVerify())
    .handler(async (event) => toApiGatewayResult(await handle(event))) as unknown as ApiHandler;
}

/** Who calls, established before anything of the request is read: a route for a known caller. */
export type Identify<C> = (event: APIGatewayProxyEventV2) => Promise<C>;

function identified<C>(
  identify: Identify<C>,
): middy.MiddlewareObj<APIGatewayProxyEventV2 & { caller?: C }, APIGatewayProxyStructuredResultV2> {
  return {
    before: async (request) => {
      request.event.caller = await identify(request.event);
    },
  };
}

/**
 * As `jsonEndpoint`, for a route with a known caller: `identify` runs before the body is read,
 * so a caller without credentials learns 401 (and one without rights 403) before any 400.
 */
export function callerJsonEndpoint<C, S extends z.ZodMiniType>(
  identify: Identify<C>,
  schema: S,
  handle: (caller: C, input: z.infer<S>, event: APIGatewayProxyEventV2) => Promise<HttpResult>,
): ApiHandler {
  return middy<ValidatedEvent<z.infer<S>> & { caller?: C }, APIGatewayProxyStructuredResultV2>(plugin)
    .use(requestLog())
    .use(problemDetails())
    .use(originVerify())
    .use(identified(identify))
    .use(validatedJsonBody(schema))
    .handler(async (event) =>
      toApiGatewayResult(await handle(event.caller as C, event.input, event)),
    ) as unknown as ApiHandler;
}

/** As `plainEndpoint`, for a route with a known caller. */
export function callerEndpoint<C>(
  identify: Identify<C>,
  handle: (caller: C, event: APIGatewayProxyEventV2) => Promise<HttpResult>,
): ApiHandler {
  return middy<APIGatewayProxyEventV2 & { caller?: C }, APIGatewayProxyStructuredResultV2>(plugin)
    .use(requestLog())
    .use(problemDetails())
    .use(originVerify())
    .use(identified(identify))
    .handler(async (event) =>
      toApiGatewayResult(await handle(event.caller as C, event)),
    ) as unknown as ApiHandler;
}
