import type { Context } from "../../server/context.js";
import { decodeCursor, pageSize, toPage, type Page, type SortKey } from "../../shared/paging.js";
import type { Entity } from "./entity.js";
import { readCount, readPage, type ListQueries } from "./list.repository.js";

export { nameIdKey } from "./list.repository.js";

/** A top-level list as a connection: validated page size, decoded cursor, lazy total count. */
export async function listConnection(
  ctx: Context,
  queries: ListQueries,
  args: { first?: number | null; after?: string | null },
  keyOf: (e: Entity) => SortKey,
  params: Record<string, unknown> = {},
): Promise<Page<Entity>> {
  const size = pageSize(args.first, ctx.config);
  const after = decodeCursor(args.after, 2);
  const rows = await readPage(ctx.db, queries, after, size, params);
  return toPage(rows, size, keyOf, () => readCount(ctx.db, queries, params));
}

/** Loaders behind a nested connection (`Person.claims`, `Program.claims`, …): one page, one count. */
export interface NestedLoaders<F> {
  page: { load(key: F & { after: SortKey | null; limit: number }): Promise<Entity[]> };
  count: { load(key: F): Promise<number> };
}

/**
 * A connection under a parent, read through loaders so that a list of parents costs one page query
 * and (only if selected) one count query, whatever the number of parents.
 */
export async function nestedConnection<F extends object>(
  ctx: Context,
  loaders: NestedLoaders<F>,
  filter: F,
  args: { first?: number | null; after?: string | null },
  keyOf: (e: Entity) => SortKey,
): Promise<Page<Entity>> {
  const size = pageSize(args.first, ctx.config);
  const after = decodeCursor(args.after, 2);
  const rows = await loaders.page.load({ ...filter, after, limit: size + 1 });
  return toPage(rows, size, keyOf, () => loaders.count.load(filter));
}

/** Sort key of lists in document order (passages, claims). */
export const startIdKey = (e: Entity): SortKey => [Number(e.start), e.id];
