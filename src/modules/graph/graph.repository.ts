import Cypher from "@neo4j/cypher-builder";
import type { RequestDb } from "../../db/request-db.js";
import { types } from "../../data/patterns.js";
import { ENTITY_GRAPH_LABELS, ENTITY_GRAPH_REL_TYPES, Label } from "../../graph/model.js";
import { decodeGraph, edgeValue, EVERY_PROPERTY, nodeValue, readNeighbourhood, type NeighbourNode, type Projection } from "./neighbourhood.repository.js";

/**
 * The entity graph that views draw: people, organisations, places, programs, events and claims,
 * and the curated relationships between them. Passages, documents, quantities and MENTIONS are
 * left out (they would bury the entities); a passage or document as root shows its direct links.
 */
export const VIEW_LABELS = ENTITY_GRAPH_LABELS;
export const VIEW_REL_TYPES = ENTITY_GRAPH_REL_TYPES;

/** `shortestPath`'s `maxLength` when absent, and its largest (the longest path the read searches). */
export const DEFAULT_PATH_LENGTH = 6;
export const MAX_PATH_LENGTH = 10;

/**
 * One shortest path over the entity graph between `$from` and `$to`, searched up to
 * MAX_PATH_LENGTH hops, its nodes and relationships read as the neighbourhood read reads them; or,
 * from a node to itself, that node alone. Built once per projection, so Neo4j's plan cache hits.
 */
function pathQuery(projection: Projection, toItself: boolean): string {
  const a = new Cypher.Node();
  const n = new Cypher.Node();
  const r = new Cypher.Relationship();
  const node = nodeValue(n, projection, n.hasLabel(Label.Document));
  const from = new Cypher.Match(new Cypher.Pattern(a, { labels: [Label.Entity], properties: { id: new Cypher.NamedParam("from") } }));
  if (toItself) {
    return Cypher.utils
      .concat(from, new Cypher.Return([new Cypher.ListComprehension(n).in(new Cypher.List([a])).map(node), "nodes"], [new Cypher.List([]), "edges"]))
      .build().cypher;
  }
  const b = new Cypher.Node();
  const p = new Cypher.PathVariable();
  const pattern = new Cypher.Pattern(a).related({ type: types(...VIEW_REL_TYPES), direction: "undirected", length: { min: 1, max: MAX_PATH_LENGTH } }).to(b);
  // `MATCH p = SHORTEST 1 (…)`: the builder's Match.shortest() writes `SHORTEST 1 p = …`, which
  // Neo4j 5.26 refuses; so only this clause's frame is written here, its parts by the builder.
  const path = new Cypher.Raw((ctx) => `MATCH ${ctx.compile(p)} = SHORTEST 1 ${ctx.compile(pattern)}`);
  return Cypher.utils
    .concat(
      from,
      new Cypher.Match(new Cypher.Pattern(b, { labels: [Label.Entity], properties: { id: new Cypher.NamedParam("to") } })),
      path,
      new Cypher.Return(
        [new Cypher.ListComprehension(n).in(Cypher.nodes(p)).map(node), "nodes"],
        [new Cypher.ListComprehension(r).in(Cypher.relationships(p)).map(edgeValue(r, projection)), "edges"],
      ),
    )
    .build().cypher;
}

/** The path queries by projection and by whether the path goes from a node to itself. */
const PATH_QUERIES = new Map<string, string>();
function pathQueryFor(projection: Projection, toItself: boolean): string {
  const key = `${projection.nodeProperties}/${projection.edgeProperties}/${toItself}`;
  let query = PATH_QUERIES.get(key);
  if (!query) PATH_QUERIES.set(key, (query = pathQuery(projection, toItself)));
  return query;
}

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
  return { nodes: read.nodes.map((n) => asViewNode(n, id, projection)), edges: read.edges, truncated: read.truncated };
}

/**
 * The shortest path, or null when none exists within 10 hops (or an endpoint does not exist), with
 * the properties `projection` asks for.
 */
export async function readShortestPath(db: RequestDb, from: string, to: string, projection: Projection = EVERY_PROPERTY): Promise<RawView | null> {
  const result = await db.read(pathQueryFor(projection, from === to), from === to ? { from } : { from, to });
  const record = result.records[0];
  if (!record) return null;
  const read = decodeGraph(record.get("nodes"), record.get("edges"));
  return { nodes: read.nodes.map((n) => asViewNode(n, from, projection)), edges: read.edges, truncated: false };
}

/** A node as views draw it: a paragraph's text is shown only when it is the view's root; others are drawn by their label. */
function asViewNode(n: NeighbourNode, rootId: string, projection: Projection): RawNode {
  const { id: _id, ...props } = n.props;
  const text = typeof props.text === "string" ? props.text : null;
  if (n.labels.includes(Label.Passage) && n.id !== rootId) delete props.text;
  return { id: n.id, labels: n.labels, name: (props.name as string) ?? null, title: (props.title as string) ?? null, text, props: projection.nodeProperties ? props : undefined };
}
