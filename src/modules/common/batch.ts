import DataLoader from "dataloader";
import type { RequestDb } from "../../db/request-db.js";
import { toEntity, type Entity, type NodeValue } from "./entity.js";

/**
 * The repository side of every loader: one `UNWIND $keys AS key …` query for a whole batch,
 * values returned in the order of the keys (UNWIND order is not guaranteed, so rows are matched by
 * key), `missing` for a key without a row.
 *
 * String keys (ids) come back in the `key` column as themselves. Object keys (a page request:
 * `{speakerId, after, limit}`) are sent with their index `i` and the query returns `key.i AS key`.
 */
export async function runBatch<K, V>(
  db: RequestDb,
  cypher: string,
  keys: readonly K[],
  map: (value: unknown) => V,
  missing: V,
  params: Record<string, unknown> = {},
): Promise<V[]> {
  const indexed = typeof keys[0] !== "string";
  const sent = indexed ? keys.map((k, i) => ({ ...(k as object), i })) : [...keys];
  const result = await db.read(cypher, { ...params, keys: sent });
  const byKey = new Map<string, V>();
  for (const record of result.records) byKey.set(String(record.get("key")), map(record.get("value")));
  return keys.map((k, i) => byKey.get(indexed ? String(i) : String(k)) ?? missing);
}

/**
 * A per-request DataLoader over `runBatch`; object keys are compared by their JSON. A query given
 * as a function is rendered at the loader's first batch (when the request's node projection is
 * known, see projection.ts), then reused.
 */
export function batchLoader<K, V>(
  db: RequestDb,
  cypher: string | (() => string),
  map: (value: unknown) => V,
  missing: V,
  params: Record<string, unknown> = {},
): DataLoader<K, V, string> {
  let text = typeof cypher === "string" ? cypher : undefined;
  const query = () => (text ??= (cypher as () => string)());
  return new DataLoader<K, V, string>((keys) => runBatch(db, query(), keys, map, missing, params), {
    cacheKeyFn: (k) => (typeof k === "string" ? k : JSON.stringify(k)),
  });
}

/** Maps a `NODE_VALUE` to an entity. */
export const asEntity = (value: unknown): Entity | null => toEntity(value as NodeValue | null);

/** Maps a list of `NODE_VALUE`s to entities, skipping nodes of no entity type. */
export const asEntities = (value: unknown): Entity[] =>
  ((value as NodeValue[] | null) ?? []).map(toEntity).filter((e): e is Entity => e !== null);

/** Loader of one related entity per id (null when there is none). */
export const entityLoader = (db: RequestDb, cypher: string | (() => string)) => batchLoader<string, Entity | null>(db, cypher, asEntity, null);

/** Loader of a list of related entities per id ([] when there are none). */
export const entitiesLoader = (db: RequestDb, cypher: string | (() => string)) => batchLoader<string, Entity[]>(db, cypher, asEntities, []);
