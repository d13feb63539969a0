import type { PageRequest } from '../../administration.ts';

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

/** A page of at most 100 items (25 when not said). */
export function pageRequest(query: { limit?: number | undefined; cursor?: string | undefined }): PageRequest {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(query.limit ?? DEFAULT_LIMIT)));
  return query.cursor === undefined ? { limit } : { limit, cursor: query.cursor };
}
