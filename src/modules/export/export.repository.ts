import neo4j from "neo4j-driver";
import type { RequestDb } from "../../db/request-db.js";
import { ENTITY_GRAPH_LABELS, ENTITY_GRAPH_REL_TYPES, Label, RelType } from "../../graph/model.js";
import { plain } from "../../shared/neo4j-values.js";

/**
 * What an export contains. By default the entity graph, as `neighbourhood` and `shortestPath`
 * draw it: people, organisations, countries, regions, programs, events and claims, and the curated
 * relationships between them. With passages, the paragraphs of the transcript join it (with their
 * text) and so do the relationships that tie them in: who said each (SAID), which claims it
 * supports (SUPPORTED_BY) and which entities it mentions (MENTIONS). The document node (whose text
 * is the whole transcript) and quantities are never exported: every offset in the export points
 * into that text, and claims carry their figures in their own text.
 */
/** By default an export holds the entity graph, the same nodes and links `neighbourhood` draws. */
export const ENTITY_LABELS: readonly string[] = ENTITY_GRAPH_LABELS;
export const ENTITY_REL_TYPES: readonly string[] = ENTITY_GRAPH_REL_TYPES;
export const PASSAGE_LABELS: readonly string[] = [Label.Passage];
export const PASSAGE_REL_TYPES: readonly string[] = [RelType.SAID, RelType.SUPPORTED_BY, RelType.MENTIONS];

/** Most nodes one export holds; past it the export is cut (and says so). The seeded graph has ~270. */
export const MAX_EXPORT_NODES = 10_000;

const HAS_LABEL = (v: string) => `any(l IN labels(${v}) WHERE l IN $labels)`;

/** How every exported node and relationship is returned; `searchText` is an index helper, not data. */
const RETURN_GRAPH = `
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b)
  WHERE type(r) IN $types AND b IN nodes
  WITH r ORDER BY r.id
  RETURN collect(r) AS rels
}
RETURN [n IN nodes | {labels: labels(n), props: properties(n)}] AS nodes,
       [r IN rels | {id: coalesce(r.id, elementId(r)), type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)}] AS edges`;

/** Every node of the exported kinds, by id, and the relationships between them. */
export const WHOLE_GRAPH = `
CALL () {
  MATCH (n:Entity) WHERE ${HAS_LABEL("n")}
  WITH n ORDER BY n.id LIMIT $cap
  RETURN collect(n) AS nodes
}
WITH nodes[0..$max] AS nodes, size(nodes) > $max AS truncated
${RETURN_GRAPH}, truncated, true AS rootExported`;

/** One level of breadth-first search from the frontier, when $depth reaches it. */
const level = (n: number) => `
CALL (seen, frontier, rootExported) {
  UNWIND CASE WHEN $depth >= ${n} AND rootExported THEN frontier ELSE [] END AS f
  MATCH (f)-[r]-(n:Entity)
  WHERE type(r) IN $types AND ${HAS_LABEL("n")} AND NOT n IN seen
  RETURN collect(DISTINCT n) AS next
}
WITH rootExported, seen + next AS seen, next AS frontier`;

/**
 * The nodes within $depth (1..3) hops of the root over the exported relationships, and the
 * relationships between them: the same nodes and edges as `neighbourhood` for the same root and
 * depth when that is not cut by its limit. No row when the root does not exist; `rootExported`
 * false when it is not of an exported kind.
 */
export const NEIGHBOURHOOD = `
MATCH (root:Entity {id: $rootId})
WITH root, ${HAS_LABEL("root")} AS rootExported
WITH rootExported, [root] AS seen, [root] AS frontier
${level(1)}
${level(2)}
${level(3)}
WITH rootExported, seen[0..$max] AS nodes, size(seen) > $max AS truncated
${RETURN_GRAPH}, truncated, rootExported`;

export interface ExportNode {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}
export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
}
export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
  /** True when the export was cut at MAX_EXPORT_NODES. */
  truncated: boolean;
}

export interface ExportQuery {
  /** Null for the whole graph. */
  rootId: string | null;
  depth: number;
  includePassages: boolean;
}

export type ExportRead = { found: true; graph: ExportGraph } | { found: false; reason: "unknown-root" | "root-not-exported" };

function withoutIndexFields(props: Record<string, unknown>): Record<string, unknown> {
  const { searchText: _index, ...rest } = plain(props) as Record<string, unknown>;
  return rest;
}

/** Reads the whole graph or a neighbourhood in one read query. */
export async function readExportGraph(db: RequestDb, query: ExportQuery): Promise<ExportRead> {
  const labels = query.includePassages ? [...ENTITY_LABELS, ...PASSAGE_LABELS] : [...ENTITY_LABELS];
  const types = query.includePassages ? [...ENTITY_REL_TYPES, ...PASSAGE_REL_TYPES] : [...ENTITY_REL_TYPES];
  const params = { labels, types, max: neo4j.int(MAX_EXPORT_NODES), cap: neo4j.int(MAX_EXPORT_NODES + 1) };
  const result =
    query.rootId === null
      ? await db.read(WHOLE_GRAPH, params)
      : await db.read(NEIGHBOURHOOD, { ...params, rootId: query.rootId, depth: neo4j.int(query.depth) });
  const record = result.records[0];
  if (!record) return { found: false, reason: "unknown-root" };
  if (!record.get("rootExported")) return { found: false, reason: "root-not-exported" };
  const nodes = (record.get("nodes") as Array<{ labels: string[]; props: Record<string, unknown> }>).map((n) => {
    const props = withoutIndexFields(n.props);
    return { id: String(props.id), labels: n.labels, props };
  });
  const edges = (record.get("edges") as Array<{ id: string; type: string; source: string; target: string; props: Record<string, unknown> }>).map(
    (e) => ({ id: e.id, type: e.type, source: e.source, target: e.target, props: withoutIndexFields(e.props) }),
  );
  return { found: true, graph: { nodes, edges, truncated: Boolean(record.get("truncated")) } };
}
