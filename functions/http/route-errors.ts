import type { ProblemSource } from './problem-details.ts';

/**
 * Answers the router gives before any handler runs, as problem sources for `problemFor`: the
 * local server (and any router in front of the handlers) answers them exactly as a handler would.
 */
export const routeNotFound: ProblemSource = {
  code: 'NOT_FOUND',
  message: 'No API route matches this method and path.',
};

/** The local stack's stand-in for IAM: an administrator's route without the bearer key. */
export const bearerKeyRequired: ProblemSource = {
  code: 'UNAUTHENTICATED',
  message: 'This route needs `Authorization: Bearer <ADMIN_API_KEY>` on the local stack.',
};
