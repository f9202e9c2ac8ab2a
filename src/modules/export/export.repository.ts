import neo4j from "neo4j-driver";
import type { RequestDb } from "../../db/request-db.js";
import { ENTITY_GRAPH_LABELS, ENTITY_GRAPH_REL_TYPES, INTERNAL_PROPERTIES, Label, RelType } from "../../graph/model.js";
import { plain } from "../../shared/neo4j-values.js";
import { readNeighbourhood } from "../graph/neighbourhood.repository.js";

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
${RETURN_GRAPH}, truncated`;

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

/** Stored properties without the internal ones (the same as the neighbourhood read leaves out). */
function withoutIndexFields(props: Record<string, unknown>): Record<string, unknown> {
  const out = { ...(plain(props) as Record<string, unknown>) };
  for (const name of INTERNAL_PROPERTIES) delete out[name];
  return out;
}

/** Most relationships a neighbourhood export holds (the shared read needs a bound). */
const MAX_EXPORT_EDGES = MAX_EXPORT_NODES * 20;

/** Reads the whole graph, or a neighbourhood through the same read as the `neighbourhood` view, in one query. */
export async function readExportGraph(db: RequestDb, query: ExportQuery): Promise<ExportRead> {
  const labels = query.includePassages ? [...ENTITY_LABELS, ...PASSAGE_LABELS] : [...ENTITY_LABELS];
  const types = query.includePassages ? [...ENTITY_REL_TYPES, ...PASSAGE_REL_TYPES] : [...ENTITY_REL_TYPES];
  if (query.rootId !== null) {
    const read = await readNeighbourhood(db, { id: query.rootId, depth: query.depth, limit: MAX_EXPORT_NODES, edgeLimit: MAX_EXPORT_EDGES, labels, types });
    if (!read) return { found: false, reason: "unknown-root" };
    if (read.outside) return { found: false, reason: "root-not-exported" };
    return { found: true, graph: { nodes: read.nodes, edges: read.edges, truncated: read.truncated } };
  }
  const result = await db.read(WHOLE_GRAPH, { labels, types, max: neo4j.int(MAX_EXPORT_NODES), cap: neo4j.int(MAX_EXPORT_NODES + 1) });
  const record = result.records[0]!;
  const nodes = (record.get("nodes") as Array<{ labels: string[]; props: Record<string, unknown> }>).map((n) => {
    const props = withoutIndexFields(n.props);
    return { id: String(props.id), labels: n.labels, props };
  });
  const edges = (record.get("edges") as Array<{ id: string; type: string; source: string; target: string; props: Record<string, unknown> }>).map(
    (e) => ({ id: e.id, type: e.type, source: e.source, target: e.target, props: withoutIndexFields(e.props) }),
  );
  return { found: true, graph: { nodes, edges, truncated: Boolean(record.get("truncated")) } };
}
