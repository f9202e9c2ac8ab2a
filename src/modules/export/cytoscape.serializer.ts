import type { PreparedGraph } from "./export.model.js";

/**
 * Cytoscape.js elements JSON, the shape `cytoscape({ elements })` and Cytoscape desktop's
 * "Cytoscape.js JSON" import take: `{ data, elements: { nodes: [{ data }], edges: [{ data }] } }`.
 * Node data: id, label, type (EntityType) and every property; edge data: id, source, target, type
 * and every property (quote, start, end, passageId, role, …). Lists stay JSON arrays.
 */
export function toCytoscapeJson(graph: PreparedGraph, meta: Record<string, unknown>): string {
  const document = {
    data: { ...meta, truncated: graph.truncated },
    elements: {
      nodes: graph.nodes.map((n) => ({ data: { ...n.attributes, id: n.id, label: n.label, type: n.type } })),
      edges: graph.edges.map((e) => ({ data: { ...e.attributes, id: e.id, source: e.source, target: e.target, type: e.type } })),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
