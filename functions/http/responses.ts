import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Headers on every API answer: nothing cached, nothing sniffed, nothing framed or referred. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  cookies?: string[];
}

export function toApiGatewayResult(
  result: HttpResult,
  contentType = 'application/json; charset=utf-8',
): APIGatewayProxyStructuredResultV2 {
  const hasBody = result.body !== undefined;
  return {
    statusCode: result.status,
    headers: {
      ...SECURITY_HEADERS,
      ...(hasBody ? { 'Content-Type': contentType } : {}),
      ...result.headers,
    },
    ...(result.cookies ? { cookies: result.cookies } : {}),
    body: hasBody ? JSON.stringify(result.body) : '',
  };
}
