import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { AdminActor } from '#domain/administration.ts';
import type { Outcome } from '#domain/use-cases/administration/actor.ts';
import { pathParameter } from '#http/query.ts';
import type { HttpResult } from '#http/responses.ts';
import { readSessionId } from '#http/session-cookie.ts';
import * as wiring from '../wiring.ts';
import type { RequestAnswer, UserAnswer } from './admin.schema.ts';

/**
 * Who calls an administration route: automation when API Gateway's IAM authorizer signed the
 * request in (the admin API; locally the bearer key), otherwise the administrator of the session
 * cookie, whose current duties the use case checks.
 */
export async function actorOf(event: APIGatewayProxyEventV2): Promise<AdminActor> {
  const iam = (event.requestContext as { authorizer?: { iam?: { userArn?: string } } }).authorizer?.iam;
  if (iam) return wiring.adminActor().fromAutomation(iam.userArn ?? 'unknown');
  return wiring.adminActor().fromSession(readSessionId(event));
}

/** The `{userId}` of the path. */
export const userIdOf = (event: APIGatewayProxyEventV2) => pathParameter(event, 'userId');

/** A change that took effect answers the user (200); one that waits for approval, the request (202). */
export function changeAnswer(outcome: Outcome, done = 200): HttpResult {
  return outcome.kind === 'done'
    ? { status: done, body: { user: outcome.user } satisfies UserAnswer }
    : { status: 202, body: { request: outcome.request } satisfies RequestAnswer };
}
