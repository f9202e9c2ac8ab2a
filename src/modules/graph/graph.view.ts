import { nodeLabel } from "../../graph/label.js";
import { RelType } from "../../graph/model.js";
import { plain } from "../../shared/neo4j-values.js";
import type { JsonObject } from "../../shared/json.scalar.js";
import { entityTypeOf } from "../common/entity-type.js";
import { mentionFromRelationship, type Mention } from "../passage/mention.type.js";
import { ringLayout } from "./graph.layout.js";
import { EVERYTHING, type ViewNeeds } from "./graph.selection.js";
import type { GraphEdge, GraphNode, GraphView } from "./graph.type.js";
import type { RawEdge, RawNode, RawView } from "./graph.repository.js";

/** Relationships whose evidence is the claim at one end: they carry no quote of their own. */
const CLAIM_EVIDENCE = new Set<string>([RelType.MADE, RelType.ABOUT, RelType.SUPPORTED_BY]);

/** A node's label: the same rule as exports (src/graph/label.ts). */
const label = (node: RawNode): string => nodeLabel({ name: node.name, title: node.title, text: node.text }, node.id);

/** Stored properties as JSON, without the ones the query left out (null). */
function properties(raw: Record<string, unknown> | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries((plain(raw ?? {}) as JsonObject) ?? {})) if (value !== null) out[key] = value;
  return out;
}

/**
 * An edge's evidence: its quote (or a mention's surface) as a Mention; for MADE, ABOUT and
 * SUPPORTED_BY the claim's own text, from the claim's properties in the view. The passage is
 * resolved later, and only when asked for, by MentionResolver through the request's loaders.
 */
function evidence(edge: RawEdge, props: JsonObject, claims: Map<string, JsonObject>): Mention[] {
  if (edge.type === RelType.MENTIONS && typeof props.surface === "string" && typeof props.passageId === "string") {
    return [{ surface: props.surface, start: Number(props.start), end: Number(props.end), passageId: props.passageId, entityId: edge.target }];
  }
  if (CLAIM_EVIDENCE.has(edge.type)) {
    const claim = claims.get(edge.source) ?? claims.get(edge.target);
    const mention = claim ? mentionFromRelationship({ quote: claim.text, start: claim.start, end: claim.end, passageId: claim.passageId }) : null;
    return mention ? [mention] : [];
  }
  const mention = mentionFromRelationship(props);
  return mention ? [mention] : [];
}

/**
 * A view as the API returns it, with properties, evidence and a layout around `rootId`: those
 * that `needs` asks for (the others are left empty, as nothing reads them).
 */
export function toView(raw: RawView, rootId: string | null, needs: ViewNeeds = EVERYTHING): GraphView {
  const claims = new Map<string, JsonObject>();
  const nodes = raw.nodes.flatMap((n): GraphNode[] => {
    const type = entityTypeOf(n.labels);
    if (!type) return [];
    const props = needs.nodeProperties ? properties(n.props) : {};
    if (type === "CLAIM" && needs.evidence) claims.set(n.id, props);
    return [{ id: n.id, type, label: label(n), properties: props, layout: null }];
  });
  const edges = raw.edges.map((e): GraphEdge => {
    const props = needs.edgeProperties ? properties(e.props) : {};
    return { id: e.id, source: e.source, target: e.target, type: e.type, properties: props, evidence: needs.evidence ? evidence(e, props, claims) : [] };
  });
  if (needs.layout) {
    const positions = ringLayout(
      nodes.map((n) => n.id),
      edges,
      rootId,
    );
    for (const node of nodes) node.layout = positions.get(node.id) ?? null;
  }
  const viewNodes = nodes.map((n) => ({ key: n.id, type: n.type, label: n.label, properties: n.properties, layout: n.layout ?? { x: 0, y: 0 } }));
  return { nodes, viewNodes, edges, truncated: raw.truncated };
}
