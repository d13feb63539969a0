import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ValidationError } from '#domain/errors.ts';
import { problemFor } from '#http/problem-details.ts';
import { SECURITY_HEADERS } from '#http/responses.ts';
import { bearerKeyRequired, routeNotFound } from '#http/route-errors.ts';
import type { ApiHandler, RouteDefinition } from '../api/route.ts';
import { eventFromRequest, lambdaContext, readBody } from './api-gateway-event.ts';
import { serveStatic } from './static-files.ts';

/** A route of the route table, with its handler loaded. */
export interface MountedRoute extends Pick<RouteDefinition, 'name' | 'method' | 'path' | 'access'> {
  readonly fn: ApiHandler;
}

export interface LocalServerOptions {
  routes: readonly MountedRoute[];
  webRoot: string;
  adminApiKey: string;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  res.statusCode = result.statusCode ?? 200;
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, String(value));
  if (result.cookies?.length) res.setHeader('Set-Cookie', result.cookies);
  res.end(result.body ?? '');
}

/** Who the bearer admin key stands for, as API Gateway's IAM authorizer would name a signer. */
export const LOCAL_AUTOMATION = {
  iam: {
    userArn: 'arn:aws:iam::000000000000:user/local-admin-key',
    accountId: '000000000000',
    callerId: 'local-admin-key',
  },
};

/** The route whose method and path template (`/api/admin/users/{userId}`) match, and the decoded `{name}` parts. */
export function matchRoute(
  routes: readonly MountedRoute[],
  method: string,
  pathname: string,
): { route: MountedRoute; pathParameters?: Record<string, string> } | undefined {
  const given = pathname.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const template = route.path.split('/');
    if (template.length !== given.length) continue;
    const parameters: Record<string, string> = {};
    const fits = template.every((part, i) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      const value = given[i] ?? '';
      if (name === undefined) return part === value;
      if (value === '') return false;
      try {
        parameters[name] = decodeURIComponent(value);
        return true;
      } catch {
        return false;
      }
    });
    if (fits) return { route, ...(Object.keys(parameters).length ? { pathParameters: parameters } : {}) };
  }
  return undefined;
}

/**
 * One HTTP server: the pages from `webRoot`, and under `/api/` the routes, each answered by its
 * Lambda handler with the event API Gateway would give it. A route for administrators wants the
 * bearer admin key where AWS wants a SigV4 signature.
 */
export function createLocalServer({ routes, webRoot, adminApiKey }: LocalServerOptions): Server {
  const root = resolve(webRoot);
  if (!existsSync(root)) throw new Error(`The web root ${root} does not exist`);
  return createServer(async (req, res) => {
    try {
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!pathname.startsWith('/api/')) {
        await serveStatic(root, req, res);
        return;
      }
      const match = matchRoute(routes, req.method ?? 'GET', pathname);
      if (!match) {
        send(res, problemFor(routeNotFound));
        return;
      }
      const { route, pathParameters } = match;
      // SigV4 in AWS (the IAM-authorized API), stood in for by the bearer admin key here: `iam`
      // routes need it; `administrator` routes take it (automation) or the caller's session.
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const automation = bearer !== undefined && sameSecret(bearer, adminApiKey);
      const wantsKey = route.access === 'iam' || (route.access === 'administrator' && bearer !== undefined);
      if (wantsKey && !automation) {
        const problem = problemFor(bearerKeyRequired);
        send(res, { ...problem, headers: { ...problem.headers, 'WWW-Authenticate': 'Bearer' } });
        return;
      }
      const body = await readBody(req);
      if (body === undefined) {
        send(
          res,
          problemFor(new ValidationError([{ path: '', code: 'BODY_TOO_LARGE' }], 'The body is too large.')),
        );
        return;
      }
      const event = eventFromRequest(req, `${route.method} ${route.path}`, body, {
        ...(pathParameters ? { pathParameters } : {}),
        ...(automation && route.access !== 'public' ? { authorizer: LOCAL_AUTOMATION } : {}),
      });
      send(res, await route.fn(event, lambdaContext(route.name, event.requestContext.requestId)));
    } catch {
      if (!res.headersSent) {
        res.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      }
      res.end('Internal error');
    }
  });
}
