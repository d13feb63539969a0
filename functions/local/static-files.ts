import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { NOT_FOUND_PAGE, PAGE_HEADERS, PAGE_PATHS } from '../../web/site.ts';

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

/**
 * The built pages under `webRoot` (an absolute path) as CloudFront serves them: clean page paths
 * to their HTML files, the pages' security headers on every answer, the 404 page for anything else.
 */
export async function serveStatic(webRoot: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
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
