import neo4j from "neo4j-driver";
import type { RequestDb } from "../../db/request-db.js";
import { INTERNAL_PROPERTIES, Label } from "../../graph/model.js";
import { plain } from "../../shared/neo4j-values.js";

/**
 * The one breadth-first neighbourhood read: the `neighbourhood` view and neighbourhood exports
 * both come from here, so they cannot drift apart. What is drawn is given as parameters (labels
 * and relationship types from the graph model's constants, never from input).
 */

/** Within a level, entities before claims: a hub has many claims about it, and a cut view should still show who and what it links. */
const ENTITIES_FIRST = `CASE WHEN n:${Label.Claim} THEN 1 ELSE 0 END`;
const DRAWN = (v: string) => `any(l IN labels(${v}) WHERE l IN $labels)`;

/** What is drawn, as pattern text: `A|B` (names from the graph model's constants, never from input). */
interface Drawn {
  labels: string;
  types: string;
}
/** One query text per drawn set (the view's, the export's): built once, so Neo4j's plan cache hits. */
const queries = new Map<string, string>();
function queryFor(labels: readonly string[], types: readonly string[]): string {
  const key = `${labels.join("|")}/${types.join("|")}`;
  let query = queries.get(key);
  if (!query) {
    if (![...labels, ...types].every((name) => /^[A-Za-z_]+$/.test(name))) throw new Error(`not a label or type name: ${key}`);
    queries.set(key, (query = neighbourhoodQuery({ labels: labels.join("|"), types: types.join("|") })));
  }
  return query;
}

/**
 * A level of the search: unseen drawn nodes next to the frontier, entities first, at most $cap in
 * all. Skipped when $cap nodes are already seen (a hub's first level often fills the view): its
 * nodes would all be cut, and expanding the frontier is what costs.
 */
const level = (n: number, drawn: Drawn) => `
CALL (seen, frontier) {
  UNWIND CASE WHEN $depth >= ${n} AND size(seen) < $cap THEN frontier ELSE [] END AS f
  MATCH (f)-[r:${drawn.types}]-(n:${drawn.labels})
  WHERE NOT n IN seen
  WITH DISTINCT n ORDER BY ${ENTITIES_FIRST}, n.id LIMIT $cap
  RETURN collect(n) AS next
}
WITH root, outside, seen + next[0..($cap - size(seen))] AS seen, next[0..($cap - size(seen))] AS frontier`;

/**
 * Nodes within $depth (1..3) hops of the root, nearest first, at most $cap = limit + 1 (one more
 * than kept, to know whether it was cut), and the relationships between them (at most $edgeCap).
 * A root that is not drawn itself (a passage or document in a view) shows its direct links of any
 * kind; `outside` says so. Properties come without the internal ones (INTERNAL_PROPERTIES); a
 * document's text (the whole transcript) is never returned. The drawn relationship types and labels
 * are written into the patterns, so a node's many undrawn links (MENTIONS, SAID) are never expanded.
 */
export const neighbourhoodQuery = (drawn: Drawn) => `
MATCH (root:Entity {id: $id})
WITH root, NOT ${DRAWN("root")} AS outside
CALL (root, outside) {
  CALL (root, outside) {
    WITH * WHERE NOT outside
    MATCH (root)-[:${drawn.types}]-(n:${drawn.labels})
    RETURN n
    UNION
    WITH * WHERE outside
    MATCH (root)--(n:Entity)
    RETURN n
  }
  WITH DISTINCT n ORDER BY ${ENTITIES_FIRST}, n.id LIMIT $cap
  RETURN collect(n) AS next
}
WITH root, outside, [root] + next[0..($cap - 1)] AS seen, next[0..($cap - 1)] AS frontier
${level(2, drawn)}
${level(3, drawn)}
WITH root, outside, seen[0..$limit] AS nodes, size(seen) > $limit AS cut
CALL (root, outside, nodes) {
  CALL (root, outside, nodes) {
    UNWIND nodes AS a
    MATCH (a)-[r:${drawn.types}]->(b)
    WHERE b IN nodes
    RETURN r
    UNION
    UNWIND CASE WHEN outside THEN nodes ELSE [] END AS a
    MATCH (a)-[r]->(b)
    WHERE b IN nodes AND (a = root OR b = root)
    RETURN r
  }
  WITH DISTINCT r ORDER BY r.id, elementId(r) LIMIT $edgeCap
  RETURN collect(r) AS rels
}
RETURN outside,
       [n IN nodes | {labels: labels(n), props: n {.*, ${INTERNAL_PROPERTIES.map((p) => `${p}: null`).join(", ")},
                      text: CASE WHEN n:${Label.Document} THEN null ELSE n.text END}}] AS nodes,
       [r IN rels | {id: coalesce(r.id, elementId(r)), type: type(r), source: startNode(r).id, target: endNode(r).id, props: r {.*, id: null}}] AS edges,
       cut OR size(rels) >= $edgeCap AS truncated`;

export interface NeighbourNode {
  id: string;
  labels: string[];
  /** Stored properties (with `id`), without the left-out ones. */
  props: Record<string, unknown>;
}
export interface NeighbourEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  /** Stored properties without `id` (it is the edge's id). */
  props: Record<string, unknown>;
}
export interface Neighbourhood {
  /** The root is not of a drawn kind: its direct links of any kind were followed instead. */
  outside: boolean;
  nodes: NeighbourNode[];
  edges: NeighbourEdge[];
  /** Cut at `limit` nodes or `edgeLimit` edges. */
  truncated: boolean;
}

export interface NeighbourhoodQuery {
  id: string;
  depth: number;
  /** Most nodes kept, the root included. */
  limit: number;
  /** Most relationships kept. */
  edgeLimit: number;
  labels: readonly string[];
  types: readonly string[];
}

const withoutNulls = (props: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(plain(props) as Record<string, unknown>).filter(([, v]) => v !== null));

/** The neighbourhood of a node in one read query; null when no node has the id. */
export async function readNeighbourhood(db: RequestDb, q: NeighbourhoodQuery): Promise<Neighbourhood | null> {
  const result = await db.read(queryFor(q.labels, q.types), {
    id: q.id,
    depth: neo4j.int(q.depth),
    limit: neo4j.int(q.limit),
    cap: neo4j.int(q.limit + 1),
    edgeCap: neo4j.int(q.edgeLimit),
    labels: [...q.labels],
    types: [...q.types],
  });
  const record = result.records[0];
  if (!record) return null;
  const nodes = (record.get("nodes") as Array<{ labels: string[]; props: Record<string, unknown> }>).map((n) => {
    const props = withoutNulls(n.props);
    return { id: String(props.id), labels: n.labels, props };
  });
  const edges = (record.get("edges") as NeighbourEdge[]).map((e) => ({ ...e, props: withoutNulls(e.props) }));
  return { outside: record.get("outside") as boolean, nodes, edges, truncated: record.get("truncated") as boolean };
}
