import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type FieldProblem } from '#domain/errors.ts';
import { describeError, log } from './logger.ts';
import { PROBLEMS, type ProblemCode, problemType } from './problems.ts';
import { toApiGatewayResult } from './responses.ts';

/** What a problem answer is made of: a code from the table, a sentence, and optional extras. */
export interface ProblemSource {
  code: ProblemCode;
  message: string;
  errors?: FieldProblem[];
  retryAfterSeconds?: number | undefined;
}

/** RFC 9457 problem details for a code, with the status and title of `PROBLEMS`. */
export function problemFor(problem: ProblemSource): APIGatewayProxyStructuredResultV2 {
  const { status, title } = PROBLEMS[problem.code];
  const body = {
    type: problemType(problem.code),
    title,
    status,
    detail: problem.message,
    code: problem.code,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  const headers: Record<string, string> =
    problem.retryAfterSeconds !== undefined ? { 'Retry-After': String(problem.retryAfterSeconds) } : {};
  return toApiGatewayResult({ status, body, headers }, 'application/problem+json');
}

/**
 * The one place errors become HTTP answers: domain errors by `instanceof`, anything else a
 * generic 500 whose body says nothing of the cause (the cause goes to the log, with its stack).
 */
export function problemDetails(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async function problemDetailsOnError(request) {
      const { error } = request;
      if (error instanceof DomainError) {
        request.response = problemFor(error);
        const { status } = PROBLEMS[error.code];
        log(status >= 500 ? 'warn' : 'info', 'request refused', {
          status,
          code: error.code,
          ...(error.cause ? { cause: describeError(error.cause) } : {}),
        });
        return;
      }
      log('error', 'unhandled error', describeError(error));
      request.response = problemFor({
        code: 'INTERNAL_ERROR',
        message: 'Something went wrong on our side. It has been logged.',
      });
    },
  };
}
