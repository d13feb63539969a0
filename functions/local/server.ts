import { randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { TIME_BUDGET } from '#adapters/time-budget.ts';
import { ValidationError } from '#domain/errors.ts';
import type { ApiHandler } from '#http/endpoint.ts';
import { problemFor } from '#http/problem-details.ts';
import { SECURITY_HEADERS } from '#http/responses.ts';
import { bearerKeyRequired, routeNotFound } from '#http/route-errors.ts';
import type { RouteDefinition } from '#lib/routes.ts';
import { PAGE_HEADERS, PAGE_PATHS } from '../../web/site.ts';

/** Far above the API's 16 KiB limit (which the handlers enforce) but bounded, as API Gateway is. */
const MAX_READ_BYTES = 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface MountedRoute extends RouteDefinition {
  fn: ApiHandler;
}

export interface LocalServerOptions {
  routes: MountedRoute[];
  webRoot: string;
  adminApiKey: string;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_READ_BYTES) {
        resolveBody(undefined);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(size > MAX_READ_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The API Gateway HTTP API (payload 2.0) event that the same request would produce in AWS. */
export function toEvent(req: IncomingMessage, route: RouteDefinition, body: Buffer): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const contentType = headers['content-type'] ?? '';
  const textual = /^(application\/(.+\+)?json|text\/)/i.test(contentType);
  const now = Date.now();
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(headers.cookie ? { cookies: headers.cookie.split(/;\s*/) } : {}),
    headers,
    ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    body: body.length === 0 ? undefined : textual ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: body.length > 0 && !textual,
  } as APIGatewayProxyEventV2;
}

/** As Lambda gives it: the remaining time counts down from the function timeout. */
function lambdaContext(requestId: string, name: string): Context {
  const deadline = Date.now() + TIME_BUDGET.functionTimeoutMs;
  return {
    awsRequestId: requestId,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '1024',
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  res.statusCode = result.statusCode ?? 200;
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, String(value));
  if (result.cookies?.length) res.setHeader('Set-Cookie', result.cookies);
  res.end(result.body ?? '');
}

/** The site's own "page not found" (web/pages/404.html), built to the root of the pages. */
const NOT_FOUND_PAGE = '404.html';

/**
 * 404 with the site's own page, Malay and English, as CloudFront answers a path that is no file;
 * a short text only if the pages were built without it.
 */
async function sendNotFound(
  webRoot: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const page = await readFile(join(webRoot, NOT_FOUND_PAGE)).catch(() => undefined);
  res.writeHead(404, {
    ...headers,
    'Content-Type': page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
  });
  res.end(req.method === 'HEAD' ? undefined : (page ?? 'Not found'));
}

async function serveStatic(webRoot: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400, { ...PAGE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Bad request: the path is not valid percent-encoding');
    return;
  }
  const mapped = PAGE_PATHS[pathname] ?? pathname;
  const file = normalize(join(webRoot, mapped));
  const headers = { ...PAGE_HEADERS, 'Cache-Control': 'no-cache' };
  const found = file.startsWith(`${webRoot}${sep}`) && (await stat(file).catch(() => undefined))?.isFile();
  if (!found) {
    await sendNotFound(webRoot, req, res, headers);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
  res.end(req.method === 'HEAD' ? undefined : await readFile(file));
}

/** One HTTP server: the pages from `webRoot` and the Lambda handlers on their API routes. */
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
      const route = routes.find((r) => r.path === pathname && r.method === req.method);
      if (!route) {
        send(res, problemFor(routeNotFound));
        return;
      }
      if (route.auth === 'iam') {
        const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        if (!sameSecret(given, adminApiKey)) {
          const problem = problemFor(bearerKeyRequired);
          send(res, { ...problem, headers: { ...problem.headers, 'WWW-Authenticate': 'Bearer' } });
          return;
        }
      }
      const body = await readBody(req);
      if (body === undefined) {
        send(
          res,
          problemFor(new ValidationError([{ path: '', code: 'BODY_TOO_LARGE' }], 'The body is too large.')),
        );
        return;
      }
      const event = toEvent(req, route, body);
      send(res, await route.fn(event, lambdaContext(event.requestContext.requestId, route.handler)));
    } catch {
      if (!res.headersSent) {
        res.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      }
      res.end('Internal error');
    }
  });
}
