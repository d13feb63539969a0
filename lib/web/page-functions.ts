import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  Function as CloudFrontFunction,
  type FunctionAssociation,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
} from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { NOT_FOUND_PAGE, PAGE_PATHS } from '../../web/site.ts';

/**
 * The two CloudFront functions of the pages' behaviour: the viewer request maps a clean page path
 * to its HTML file and any path that is no file to the 404 page; the viewer response says 404 for
 * the latter. Not the distribution's error responses: those apply to every origin, and would turn
 * the API's own 403 and 404 problem+json answers into that HTML page.
 */
export function pageFunctions(scope: Construct, pagesDir: string): FunctionAssociation[] {
  const source = pageFunctionSource(siteFiles(pagesDir));
  const pageRoutes = new CloudFrontFunction(scope, 'PageRoutes', {
    comment: 'Maps clean page paths to their HTML files, and any other path that is no file to 404.html',
    runtime: FunctionRuntime.JS_2_0,
    code: FunctionCode.fromInline(source.viewerRequest),
  });
  const notFoundStatus = new CloudFrontFunction(scope, 'NotFoundStatus', {
    comment: 'Answers 404 when the viewer request was sent to 404.html',
    runtime: FunctionRuntime.JS_2_0,
    code: FunctionCode.fromInline(source.viewerResponse),
  });
  return [
    { function: pageRoutes, eventType: FunctionEventType.VIEWER_REQUEST },
    { function: notFoundStatus, eventType: FunctionEventType.VIEWER_RESPONSE },
  ];
}

/**
 * The source of both functions (ES5, JS runtime 2.0), sharing one rule for where a path leads: a
 * clean page path (web/site.ts) to its HTML file, a file the build made to itself, anything else
 * to the 404 page. The build's `assets/` (hashed chunks that change with every build) always go
 * through, so pages still being replaced during a deploy keep their scripts; a missing asset gets
 * S3's own 403.
 *
 * The response side works the target out again from `event.request.uri`, so it is right whether
 * CloudFront shows it the viewer's path or the rewritten one. Only a 200 becomes 404: a 304 (the
 * browser's copy is current) must stay a 304.
 */
function pageFunctionSource(builtFiles: readonly string[]): {
  viewerRequest: string;
  viewerResponse: string;
} {
  const built = builtFiles.filter((f) => !f.startsWith('/assets/'));
  const files = Object.fromEntries([...Object.values(PAGE_PATHS), ...built].map((f) => [f, 1]));
  const target = `var pages = ${JSON.stringify(PAGE_PATHS)};
var files = ${JSON.stringify(files)};
function target(uri) {
  var path = uri.length > 1 ? uri.replace(/\\/+$/, '') : uri;
  if (pages[path]) return pages[path];
  if (files[path] || path.indexOf('/assets/') === 0) return path;
  return '${NOT_FOUND_PAGE}';
}`;
  return {
    viewerRequest: `${target}
function handler(event) {
  var request = event.request;
  request.uri = target(request.uri);
  return request;
}`,
    viewerResponse: `${target}
function handler(event) {
  var response = event.response;
  if (response.statusCode === 200 && target(event.request.uri) === '${NOT_FOUND_PAGE}') {
    response.statusCode = 404;
    response.statusDescription = 'Not Found';
  }
  return response;
}`,
  };
}

/** Every file under the built pages, as a URI path (`/account/activation.html`). */
function siteFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? siteFiles(join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
}
