import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError } from '#domain/errors.ts';
import { describeError, log } from './logger.ts';
import { toApiGatewayResult } from './responses.ts';

const PROBLEM_TYPE_BASE = 'https://ispeks.example.gov.my/problems/';

/** RFC 9457 problem details for a domain error. */
export function problemFor(error: DomainError): APIGatewayProxyStructuredResultV2 {
  const body = {
    type: `${PROBLEM_TYPE_BASE}${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...('errors' in error ? { errors: error.errors } : {}),
  };
  const headers: Record<string, string> =
    error.retryAfterSeconds !== undefined ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
  return toApiGatewayResult({ status: error.status, body, headers }, 'application/problem+json');
}

const INTERNAL = {
  type: `${PROBLEM_TYPE_BASE}internal-error`,
  title: 'Internal error',
  status: 500,
  detail: 'Something went wrong on our side. It has been logged.',
  code: 'INTERNAL_ERROR',
};

/**
 * The one place errors become HTTP answers: domain errors by `instanceof`, anything else a
 * generic 500 whose body says nothing of the cause (the cause goes to the log, with its stack).
 */
export function problemDetails(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const { error } = request;
      if (error instanceof DomainError) {
        request.response = problemFor(error);
        log(error.status >= 500 ? 'warn' : 'info', 'request refused', {
          status: error.status,
          code: error.code,
          ...(error.cause ? { cause: describeError(error.cause) } : {}),
        });
        return;
      }
      log('error', 'unhandled error', describeError(error));
      request.response = toApiGatewayResult({ status: 500, body: INTERNAL }, 'application/problem+json');
    },
  };
}
