import { decodeCursor, encodeCursor, pageSize, type SortKey } from "../shared/paging.js";
import type { ArgsCheck } from "./source.js";

/** Key of a connection row's sort key (the cursor's content). */
export const SORT_KEY = "@key";

/** What a compiled connection returns: up to `size + 1` rows after the cursor, and its total when selected. */
interface RawConnection {
  rows: Array<Record<string, unknown>>;
  total?: number;
}

/** Where a connection's selection wants each part, by response key. */
export interface ConnectionShape {
  type: string;
  edges: Array<{ key: string; type: string; cursor: string[]; node: string[] }>;
  pageInfo: Array<{ key: string; fields: Array<[string, string]> }>;
  totalCount: string[];
  /** Parameter names of the page size and the decoded cursor. */
  size: string;
  after: string;
}

/**
 * A connection's arguments: the list's own (filters) and the page: `first` (DEFAULT_PAGE_SIZE
 * when absent, 0..MAX_PAGE_SIZE) and `after` (a cursor of this list). One more row than the page
 * is read: it only tells whether a next page exists. `lowest`: see SortKeys.
 */
export function connectionArgs(own: ArgsCheck | undefined, arity: number, lowest?: string | number): ArgsCheck {
  return (args, config) => {
    const size = pageSize(args.first, config);
    const after = decodeCursor(args.after, arity);
    // `from`: where the page's index range starts (the cursor's first key, or the lowest value).
    return { ...own?.(args, config), size, limit: size + 1, after, from: after ? after[0] : (lowest ?? null) };
  };
}

/** The connection value by response keys: edges with cursors, page info, total. */
export function toConnection(raw: RawConnection, shape: ConnectionShape, values: Record<string, unknown>): Record<string, unknown> {
  const size = values[shape.size] as number;
  const after = values[shape.after] as SortKey | null;
  const rows = raw.rows.slice(0, size);
  // Cursors are encoded only where the selection shows them (a page of 50 without `cursor` needs none).
  const cursors = shape.edges.some((e) => e.cursor.length > 0) ? rows.map((row) => encodeCursor(row[SORT_KEY] as SortKey)) : null;
  const out: Record<string, unknown> = { "@": shape.type };
  for (const edges of shape.edges) {
    out[edges.key] = rows.map((row, i) => {
      const edge: Record<string, unknown> = { "@": edges.type };
      for (const key of edges.cursor) edge[key] = cursors![i];
      for (const key of edges.node) edge[key] = row[`${edges.key}.${key}`];
      return edge;
    });
  }
  // An empty page (first: 0, or past the end) ends where it started: its endCursor is the cursor
  // it was asked after, so "after: endCursor" always continues from the right place.
  const last = rows.at(-1);
  const endCursor = last ? (cursors?.at(-1) ?? encodeCursor(last[SORT_KEY] as SortKey)) : after ? encodeCursor(after) : null;
  const hasNextPage = raw.rows.length > size;
  for (const info of shape.pageInfo) {
    const value: Record<string, unknown> = { "@": "PageInfo" };
    for (const [key, field] of info.fields) value[key] = field === "hasNextPage" ? hasNextPage : field === "endCursor" ? endCursor : undefined;
    out[info.key] = value;
  }
  for (const key of shape.totalCount) out[key] = raw.total;
  return out;
}
