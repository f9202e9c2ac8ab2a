import type { RequestDb } from "../../db/request-db.js";
import { ENTITY_GRAPH_LABELS, ENTITY_GRAPH_REL_TYPES, INTERNAL_PROPERTIES, Label } from "../../graph/model.js";
import { plain } from "../../shared/neo4j-values.js";
import { readNeighbourhood } from "./neighbourhood.repository.js";

/**
 * The entity graph that views draw: people, organisations, places, programs, events and claims,
 * and the curated relationships between them. Passages, documents, quantities and MENTIONS are
 * left out (they would bury the entities); a passage or document as root shows its direct links.
 */
export const VIEW_LABELS = ENTITY_GRAPH_LABELS;
export const VIEW_REL_TYPES = ENTITY_GRAPH_REL_TYPES;
// Label and type lists come from the model's constants, never from input.
const VIEW_TYPES = VIEW_REL_TYPES.join("|");

/**
 * A node as views return it: `text` (the start, for labels) and its stored properties without
 * index fields (`searchText`), seed bookkeeping (`turnLabel`, `file`) and long text: a document's
 * (the whole transcript) always, a paragraph's unless it is the root (`rootVar`).
 */
const nodeMap = (v: string, rootVar: string) =>
  `{id: ${v}.id, labels: labels(${v}), name: ${v}.name, title: ${v}.title, text: left(${v}.text, 200), ` +
  `props: ${v} {.*, id: null, ${INTERNAL_PROPERTIES.map((p) => `${p}: null`).join(", ")}, ` +
  `text: CASE WHEN ${v}:${Label.Document} OR (${v}:${Label.Passage} AND ${v} <> ${rootVar}) THEN null ELSE ${v}.text END}}`;

/** A relationship as views return it, with its stored properties (provenance, role, title, …). */
const EDGE_MAP = "{id: coalesce(r.id, elementId(r)), source: startNode(r).id, target: endNode(r).id, type: type(r), props: r {.*, id: null}}";

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

/** The `neighbourhood` view's nodes and edges: the shared breadth-first read, as views use it. */
export async function readViewNeighbourhood(db: RequestDb, id: string, depth: number, limit: number): Promise<RawView> {
  const read = await readNeighbourhood(db, { id, depth, limit, edgeLimit: limit * 5, labels: VIEW_LABELS, types: VIEW_REL_TYPES });
  if (!read) return EMPTY;
  const nodes = read.nodes.map((n): RawNode => {
    const { id: _id, ...props } = n.props;
    // A paragraph's text is shown only when it is the root; others are drawn by their label.
    const text = typeof props.text === "string" ? props.text : null;
    if (n.labels.includes(Label.Passage) && n.id !== id) delete props.text;
    return { id: n.id, labels: n.labels, name: (props.name as string) ?? null, title: (props.title as string) ?? null, text, props };
  });
  return { nodes, edges: read.edges, truncated: read.truncated };
}

/** The shortest path, or null when none exists within 10 hops (or an endpoint does not exist). */
export async function readShortestPath(db: RequestDb, from: string, to: string): Promise<RawView | null> {
  const result = await db.read(from === to ? NODE_SUMMARY : SHORTEST_PATH, from === to ? { id: from } : { from, to });
  const record = result.records[0];
  if (!record) return null;
  return { nodes: plain(record.get("nodes")) as RawNode[], edges: plain(record.get("edges")) as RawEdge[], truncated: false };
}
