import neo4j from "neo4j-driver";
import type { RequestDb } from "../../db/request-db.js";
import type { SortKey } from "../../shared/paging.js";
import { toNumber } from "../../shared/neo4j-values.js";
import type { Entity } from "./entity.js";
import { asEntity } from "./batch.js";
import type { NodeRender } from "./relation.js";

/** A page query whose nodes are rendered by `node` (plain, or with prefetched relations). */
export type PageQuery = (node: NodeRender) => string;

/**
 * Top-level lists (`organisations`, `speakers`, …): a keyset page query and a count query.
 * The page query sees `$after` (the decoded cursor, or null) and `$limit`, and returns one
 * rendered node per row in the column `value`, in the list's order (it orders and limits the
 * nodes before rendering them, so only the page's nodes are rendered).
 */
export interface ListQueries {
  page: PageQuery;
  count: string;
}

/** Keyset predicate for lists ordered by `n.name, n.id`. */
export const AFTER_NAME_ID = "($after IS NULL OR n.name > $after[0] OR (n.name = $after[0] AND n.id > $after[1]))";
export const BY_NAME_ID = "n.name, n.id";
export const nameIdKey = (e: Entity): SortKey => [String(e.name), e.id];

/** Reads up to `size + 1` rows after the cursor (the extra one says whether a next page exists). */
export async function readPage(
  db: RequestDb,
  page: string,
  after: SortKey | null,
  size: number,
  params: Record<string, unknown> = {},
  map: (value: unknown) => Entity | null = asEntity,
): Promise<Entity[]> {
  const result = await db.read(page, { ...params, after, limit: neo4j.int(size + 1) });
  return result.records.map((r) => map(r.get("value"))).filter((e): e is Entity => e !== null);
}

export async function readCount(db: RequestDb, queries: ListQueries, params: Record<string, unknown> = {}): Promise<number> {
  const result = await db.read(queries.count, params);
  return toNumber(result.records[0]?.get("count") ?? 0);
}
