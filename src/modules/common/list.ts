import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../server/context.js";
import { decodeCursor, pageSize, toPage, type Page, type SortKey } from "../../shared/paging.js";
import { asEntities, asEntity } from "./batch.js";
import type { Entity } from "./entity.js";
import { readCount, readPage, type ListQueries, type PageQuery } from "./list.repository.js";

export { nameIdKey } from "./list.repository.js";

/** Where a connection's nodes are in its selection. */
const NODES = ["edges", "node"] as const;

/**
 * A top-level list as a connection: validated page size, decoded cursor, lazy total count. The
 * page query also reads the relations selected under the nodes (see server/prefetch.ts).
 */
export async function listConnection(
  ctx: Context,
  queries: ListQueries,
  args: { first?: number | null; after?: string | null },
  keyOf: (e: Entity) => SortKey,
  info: GraphQLResolveInfo,
  params: Record<string, unknown> = {},
): Promise<Page<Entity>> {
  const size = pageSize(args.first, ctx.config);
  const after = decodeCursor(args.after, 2);
  const page = ctx.prefetch.render(info, NODES, queries.page);
  const map = (value: unknown) => {
    ctx.prefetch.prime(value);
    return asEntity(value);
  };
  const rows = await readPage(ctx.db, page.cypher, after, size, { ...params, ...page.params }, map);
  return toPage(rows, size, keyOf, () => readCount(ctx.db, queries, params));
}

/** Loaders behind a nested connection (`Person.claims`, `Program.claims`, …): one page, one count. */
export interface NestedLoaders<F> {
  page: { load(key: F & { after: SortKey | null; limit: number }): Promise<Entity[]> };
  count: { load(key: F): Promise<number> };
}

/**
 * A connection under a parent, read through loaders so that a list of parents costs one page query
 * and (only if selected) one count query, whatever the number of parents. With `prefetch` (the
 * field's info and the page query the `page` loader runs), the page query also reads the
 * relations selected under the nodes.
 */
export async function nestedConnection<F extends object>(
  ctx: Context,
  loaders: NestedLoaders<F>,
  filter: F,
  args: { first?: number | null; after?: string | null },
  keyOf: (e: Entity) => SortKey,
  prefetch?: { info: GraphQLResolveInfo; page: PageQuery },
): Promise<Page<Entity>> {
  const size = pageSize(args.first, ctx.config);
  const after = decodeCursor(args.after, 2);
  let page = loaders.page;
  if (prefetch) {
    const rendered = ctx.prefetch.render(prefetch.info, NODES, prefetch.page);
    if (rendered.prefetching) page = ctx.prefetch.variant<F & { after: SortKey | null; limit: number }, Entity[]>(rendered, asEntities, []);
  }
  const rows = await page.load({ ...filter, after, limit: size + 1 });
  return toPage(rows, size, keyOf, () => loaders.count.load(filter));
}

/** Sort key of lists in document order (passages, claims). */
export const startIdKey = (e: Entity): SortKey => [Number(e.start), e.id];
