import type { RequestDb } from "../../db/request-db.js";
import { ENTITY_GRAPH_LABELS, ENTITY_GRAPH_REL_TYPES, INTERNAL_PROPERTIES, Label } from "../../graph/model.js";
import { plain } from "../../shared/neo4j-values.js";
import { EVERY_PROPERTY, readNeighbourhood, type Projection } from "./neighbourhood.repository.js";

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
 * A node as views return it: `text` (the start, for labels) and, with `props`, its stored properties
 * without index fields (`searchText`), seed bookkeeping (`turnLabel`, `file`) and long text: a
 * document's (the whole transcript) always, a paragraph's unless it is the root (`rootVar`).
 */
const nodeMap = (v: string, rootVar: string, props: boolean) =>
  `{id: ${v}.id, labels: labels(${v}), name: ${v}.name, title: ${v}.title, text: left(${v}.text, 200)` +
  (props
    ? `, props: ${v} {.*, id: null, ${INTERNAL_PROPERTIES.map((p) => `${p}: null`).join(", ")}, ` +
      `text: CASE WHEN ${v}:${Label.Document} OR (${v}:${Label.Passage} AND ${v} <> ${rootVar}) THEN null ELSE ${v}.text END}}`
    : "}");

/** A relationship as views return it, with (`props`) its stored properties (provenance, role, title, …). */
const edgeMap = (props: boolean) =>
  `{id: coalesce(r.id, elementId(r)), source: startNode(r).id, target: endNode(r).id, type: type(r)${props ? ", props: r {.*, id: null}" : ""}}`;

/** One shortest path over the entity graph, searched up to the largest maxLength allowed. */
const shortestPath = (projection: Projection) => `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:${VIEW_TYPES}*..10]-(b))
RETURN [n IN nodes(p) | ${nodeMap("n", "a", projection.nodeProperties)}] AS nodes,
       [r IN relationships(p) | ${edgeMap(projection.edgeProperties)}] AS edges`;

const nodeSummary = (projection: Projection) => `
MATCH (n:Entity {id: $id})
RETURN [${nodeMap("n", "n", projection.nodeProperties)}] AS nodes, [] AS edges`;

/** The path queries by projection (node properties, edge properties): four fixed texts. */
const PATH_QUERIES = new Map(
  [false, true].flatMap((nodeProperties) =>
    [false, true].map((edgeProperties) => {
      const projection = { nodeProperties, edgeProperties };
      return [`${nodeProperties}/${edgeProperties}`, { path: shortestPath(projection), summary: nodeSummary(projection) }] as const;
    }),
  ),
);

export interface RawNode {
  id: string;
  labels: string[];
  name: string | null;
  title: string | null;
  text: string | null;
  /** Stored properties; a left-out one is null. Absent when the read left them all out. */
  props?: Record<string, unknown>;
}
export interface RawEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Stored properties; `id` is null (it is the edge's id). Absent when the read left them all out. */
  props?: Record<string, unknown>;
}
export interface RawView {
  nodes: RawNode[];
  edges: RawEdge[];
  truncated: boolean;
}

const EMPTY: RawView = { nodes: [], edges: [], truncated: false };

/**
 * The `neighbourhood` view's nodes and edges: the shared breadth-first read, as views use it, with
 * the properties `projection` asks for (without node properties, `props` holds only a label's).
 */
export async function readViewNeighbourhood(db: RequestDb, id: string, depth: number, limit: number, projection: Projection = EVERY_PROPERTY): Promise<RawView> {
  const read = await readNeighbourhood(db, { id, depth, limit, edgeLimit: limit * 5, labels: VIEW_LABELS, types: VIEW_REL_TYPES, projection });
  if (!read) return EMPTY;
  const nodes = read.nodes.map((n): RawNode => {
    const { id: _id, ...props } = n.props;
    // A paragraph's text is shown only when it is the root; others are drawn by their label.
    const text = typeof props.text === "string" ? props.text : null;
    if (n.labels.includes(Label.Passage) && n.id !== id) delete props.text;
    const stored = projection.nodeProperties ? props : undefined;
    return { id: n.id, labels: n.labels, name: (props.name as string) ?? null, title: (props.title as string) ?? null, text, props: stored };
  });
  return { nodes, edges: read.edges, truncated: read.truncated };
}

/**
 * The shortest path, or null when none exists within 10 hops (or an endpoint does not exist), with
 * the properties `projection` asks for.
 */
export async function readShortestPath(db: RequestDb, from: string, to: string, projection: Projection = EVERY_PROPERTY): Promise<RawView | null> {
  const queries = PATH_QUERIES.get(`${projection.nodeProperties}/${projection.edgeProperties}`)!;
  const result = await db.read(from === to ? queries.summary : queries.path, from === to ? { id: from } : { from, to });
  const record = result.records[0];
  if (!record) return null;
  return { nodes: plain(record.get("nodes")) as RawNode[], edges: plain(record.get("edges")) as RawEdge[], truncated: false };
}
