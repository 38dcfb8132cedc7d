import type { PageRequest } from '#application/ports/page';

export const DEFAULT_PAGE_SIZE = 50;

/** `limit` and `cursor` from a validated query (`PageQuery`). */
export function pageRequestOf(query: {
  limit?: string | undefined;
  cursor?: string | undefined;
}): PageRequest {
  return {
    limit: query.limit ? Number(query.limit) : DEFAULT_PAGE_SIZE,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
