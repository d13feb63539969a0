import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ForbiddenError } from '#domain/errors.ts';

/** The header CloudFront adds to every `/api/*` origin request (lib/web/distribution.ts), overwriting a viewer's own. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/**
 * The values a request may carry: the stack's current secret and, while a rotation settles, the
 * previous one (README: "Closing the direct API endpoint"). Read here, once, rather than through
 * config.ts: this module ships in every bundle and must stay small. No current value (the local
 * stack) means no check.
 */
function acceptedValues(env: NodeJS.ProcessEnv): string[] {
  const current = env.ORIGIN_VERIFY_SECRET;
  if (!current) return [];
  const previous = env.ORIGIN_VERIFY_SECRET_PREVIOUS;
  return previous ? [current, previous] : [current];
}

const ACCEPTED = acceptedValues(process.env);

/** Digests have one length whatever the input, so the comparison takes the same time and never throws. */
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Refuses a public-route request that did not come through CloudFront (the bare execute-api
 * endpoint) with 403 FORBIDDEN, before any body is read. Requests that API Gateway already
 * authorised with IAM (SigV4 on the admin route) carry no header and need none.
 */
export function originVerify(
  accepted: readonly string[] = ACCEPTED,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  const expected = accepted.map(digest);
  return {
    before: function originVerifyBefore(request) {
      if (expected.length === 0) return;
      const { event } = request;
      if ((event.requestContext as { authorizer?: { iam?: unknown } } | undefined)?.authorizer?.iam) return;
      const given = digest(event.headers?.[ORIGIN_VERIFY_HEADER] ?? '');
      // Every accepted value is compared, so the time says nothing about which one matched.
      const matches = expected.reduce((found, value) => timingSafeEqual(given, value) || found, false);
      if (!matches) throw new ForbiddenError('Call the API through the site address.');
      // The handler never needs it, so nothing downstream can log it.
      delete event.headers[ORIGIN_VERIFY_HEADER];
    },
  };
}
