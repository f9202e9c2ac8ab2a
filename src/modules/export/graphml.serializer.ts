import { create } from "xmlbuilder2";
import { xmlText, type AttributeKind, type PreparedGraph } from "./export.model.js";

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const GRAPHML_XSD = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/** GraphML's attr.type names (its key.type list): boolean, int, long, float, double, string. */
const GRAPHML_TYPE: Record<AttributeKind, string> = { string: "string", int: "int", long: "long", double: "double", boolean: "boolean" };

/**
 * GraphML 1.0: one `<key>` per attribute with `for` and `attr.type`, then one directed `<graph>`.
 * Node ids are the graph's ids (they are XML name tokens). Relationship ids are not (they contain
 * `->`), so edges get positional ids (`e0`, `e1`, …) and carry the stable id in `edgeId`.
 */
export function toGraphml(graph: PreparedGraph, description: string): string {
  const nodeKeys = [
    { name: "label", kind: "string" as const },
    { name: "type", kind: "string" as const },
    ...graph.nodeAttributes,
  ];
  const edgeKeys = [
    { name: "edgeId", kind: "string" as const },
    { name: "type", kind: "string" as const },
    ...graph.edgeAttributes.filter((a) => a.name !== "edgeId"),
  ];
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(GRAPHML_NS, "graphml").att(XSI_NS, "xsi:schemaLocation", GRAPHML_XSD);
  root.ele("desc").txt(description);
  root.ele("key", { id: "graph.truncated", for: "graph", "attr.name": "truncated", "attr.type": "boolean" });
  for (const key of nodeKeys) root.ele("key", { id: `node.${key.name}`, for: "node", "attr.name": key.name, "attr.type": GRAPHML_TYPE[key.kind] });
  for (const key of edgeKeys) root.ele("key", { id: `edge.${key.name}`, for: "edge", "attr.name": key.name, "attr.type": GRAPHML_TYPE[key.kind] });

  const g = root.ele("graph", { id: "G", edgedefault: "directed" });
  g.ele("data", { key: "graph.truncated" }).txt(String(graph.truncated));
  for (const n of graph.nodes) {
    const node = g.ele("node", { id: n.id });
    node.ele("data", { key: "node.label" }).txt(n.label);
    node.ele("data", { key: "node.type" }).txt(n.type);
    for (const [name, value] of Object.entries(n.attributes)) {
      node.ele("data", { key: `node.${name}` }).txt(xmlText(value));
    }
  }
  graph.edges.forEach((e, i) => {
    const edge = g.ele("edge", { id: `e${i}`, source: e.source, target: e.target });
    edge.ele("data", { key: "edge.edgeId" }).txt(e.id);
    edge.ele("data", { key: "edge.type" }).txt(e.type);
    for (const [name, value] of Object.entries(e.attributes)) {
      if (name === "edgeId") continue;
      edge.ele("data", { key: `edge.${name}` }).txt(xmlText(value));
    }
  });
  return root.end({ prettyPrint: true });
}
