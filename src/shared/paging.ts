import type { Config } from "../config/config.js";
import { badInput } from "./errors.js";

/** A sort key: the values a list is ordered by, the last one always the unique id. */
export type SortKey = Array<string | number>;

/**
 * Keyset cursors: base64url of the JSON of the row's sort key (e.g. `["Kazakhstan","country:KZ"]`).
 * The next page starts strictly after that key, so a node inserted before the cursor never shifts
 * the page (unlike an offset). Opaque to clients: only this module reads them.
 */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined, arity: number, argumentName = "after"): SortKey | null {
  if (cursor == null) return null;
  let key: unknown;
  try {
    if (cursor.length > 1000) throw new Error("too long");
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badInput(`"${argumentName}" is not a cursor this API issued.`, argumentName);
  }
  const valid =
    Array.isArray(key) && key.length === arity && key.every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)));
  if (!valid) throw badInput(`"${argumentName}" is not a cursor this list issued.`, argumentName);
  return key as SortKey;
}

/** `first` checked at the edge: DEFAULT_PAGE_SIZE when absent, 0..MAX_PAGE_SIZE, else BAD_USER_INPUT. */
export function pageSize(first: number | null | undefined, config: Config, argumentName = "first"): number {
  if (first == null) return config.DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > config.MAX_PAGE_SIZE) {
    throw badInput(`"${argumentName}" must be between 0 and ${config.MAX_PAGE_SIZE}; got ${first}.`, argumentName);
  }
  return first;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** A getter: the count query runs only when a client selects `totalCount`. */
  readonly totalCount: Promise<number>;
}

/**
 * Builds a connection from up to `size + 1` rows fetched after the cursor (the extra row only tells
 * whether a next page exists) and a count that is run lazily.
 */
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => SortKey, count: () => Promise<number>): Page<T> {
  const visible = rows.slice(0, size);
  const edges = visible.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    get totalCount() {
      return count();
    },
  };
}
