import neo4j from "neo4j-driver";
import type { RequestDb } from "../../db/request-db.js";
import { ENTITY_GRAPH_LABELS, ENTITY_GRAPH_REL_TYPES, Label } from "../../graph/model.js";
import { plain } from "../../shared/neo4j-values.js";

/**
 * The entity graph that views draw: people, organisations, places, programs, events and claims,
 * and the curated relationships between them. Passages, documents, quantities and MENTIONS are
 * left out (they would bury the entities); a passage or document as root shows its direct links.
 */
export const VIEW_LABELS = ENTITY_GRAPH_LABELS;
export const VIEW_REL_TYPES = ENTITY_GRAPH_REL_TYPES;
// Label and type lists come from the model's constants, never from input.
const IN_VIEW = VIEW_LABELS.join("|");
const VIEW_TYPES = VIEW_REL_TYPES.join("|");

/**
 * A node as views return it: `text` (the start, for labels) and its stored properties without
 * index fields (`searchText`), seed bookkeeping (`turnLabel`, `file`) and long text: a document's
 * (the whole transcript) always, a paragraph's unless it is the root (`rootVar`).
 */
const nodeMap = (v: string, rootVar: string) =>
  `{id: ${v}.id, labels: labels(${v}), name: ${v}.name, title: ${v}.title, text: left(${v}.text, 200), ` +
  `props: ${v} {.*, id: null, searchText: null, turnLabel: null, file: null, ` +
  `text: CASE WHEN ${v}:${Label.Document} OR (${v}:${Label.Passage} AND ${v} <> ${rootVar}) THEN null ELSE ${v}.text END}}`;

/** A relationship as views return it, with its stored properties (provenance, role, title, …). */
const EDGE_MAP = "{id: coalesce(r.id, elementId(r)), source: startNode(r).id, target: endNode(r).id, type: type(r), props: r {.*, id: null}}";

/** Within a level, entities before claims: a hub has many claims about it, and a cut view should still show who and what it links. */
const ENTITIES_FIRST = `CASE WHEN n:${Label.Claim} THEN 1 ELSE 0 END`;

/** A level of breadth-first search: unseen view nodes next to the frontier, entities first, at most $cap. */
const level = (n: number) => `
CALL (seen, frontier) {
  UNWIND CASE WHEN $depth >= ${n} THEN frontier ELSE [] END AS f
  MATCH (f)-[r:${VIEW_TYPES}]-(n:${IN_VIEW})
  WHERE NOT n IN seen
  WITH DISTINCT n ORDER BY ${ENTITIES_FIRST}, n.id LIMIT $cap
  RETURN collect(n) AS next
}
WITH root, outside, seen, next[0..($cap - size(seen))] AS added
WITH root, outside, seen + added AS seen, added AS frontier`;

/**
 * Nodes within $depth (1..3) hops of the root, nearest first, at most $cap = limit + 1 (one more
 * than shown, to know whether the view was cut), and the relationships between them.
 */
export const NEIGHBOURHOOD = `
MATCH (root:Entity {id: $id})
WITH root, NOT root:${IN_VIEW} AS outside
CALL (root, outside) {
  MATCH (root)-[r]-(n:Entity)
  WHERE outside OR (type(r) IN $types AND n:${IN_VIEW})
  WITH DISTINCT n ORDER BY ${ENTITIES_FIRST}, n.id LIMIT $cap
  RETURN collect(n) AS next
}
WITH root, outside, [root] + next[0..($cap - 1)] AS seen, next AS frontier
${level(2)}
${level(3)}
WITH root, outside, seen[0..$limit] AS nodes, size(seen) > $limit AS cut
CALL (root, outside, nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b)
  WHERE b IN nodes AND (type(r) IN $types OR (outside AND (a = root OR b = root)))
  WITH DISTINCT r ORDER BY r.id LIMIT $edgeCap
  RETURN collect(r) AS rels
}
RETURN [n IN nodes | ${nodeMap("n", "root")}] AS nodes,
       [r IN rels | ${EDGE_MAP}] AS edges,
       cut OR size(rels) >= $edgeCap AS truncated`;

/** One shortest path over the entity graph, searched up to the largest maxLength allowed. */
export const SHORTEST_PATH = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:${VIEW_TYPES}*..10]-(b))
RETURN [n IN nodes(p) | ${nodeMap("n", "a")}] AS nodes,
       [r IN relationships(p) | ${EDGE_MAP}] AS edges`;

export const NODE_SUMMARY = `
MATCH (n:Entity {id: $id})
RETURN [${nodeMap("n", "n")}] AS nodes, [] AS edges`;

export interface RawNode {
  id: string;
  labels: string[];
  name: string | null;
  title: string | null;
  text: string | null;
  /** Stored properties; a left-out one is null. */
  props: Record<string, unknown>;
}
export interface RawEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Stored properties; `id` is null (it is the edge's id). */
  props: Record<string, unknown>;
}
export interface RawView {
  nodes: RawNode[];
  edges: RawEdge[];
  truncated: boolean;
}

const EMPTY: RawView = { nodes: [], edges: [], truncated: false };

export async function readNeighbourhood(db: RequestDb, id: string, depth: number, limit: number): Promise<RawView> {
  const maxEdges = limit * 5;
  const result = await db.read(NEIGHBOURHOOD, {
    id,
    depth: neo4j.int(depth),
    limit: neo4j.int(limit),
    cap: neo4j.int(limit + 1),
    edgeCap: neo4j.int(maxEdges),
    types: VIEW_REL_TYPES,
  });
  const record = result.records[0];
  if (!record) return EMPTY;
  return { nodes: plain(record.get("nodes")) as RawNode[], edges: plain(record.get("edges")) as RawEdge[], truncated: record.get("truncated") as boolean };
}

/** The shortest path, or null when none exists within 10 hops (or an endpoint does not exist). */
export async function readShortestPath(db: RequestDb, from: string, to: string): Promise<RawView | null> {
  const result = await db.read(from === to ? NODE_SUMMARY : SHORTEST_PATH, from === to ? { id: from } : { from, to });
  const record = result.records[0];
  if (!record) return null;
  return { nodes: plain(record.get("nodes")) as RawNode[], edges: plain(record.get("edges")) as RawEdge[], truncated: false };
}
