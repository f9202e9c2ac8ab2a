import { create } from "xmlbuilder2";
import { xmlText, type AttributeKind, type PreparedGraph } from "./export.model.js";

const GEXF_NS = "http://gexf.net/1.3";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const GEXF_XSD = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/** GEXF's attribute type names. */
const GEXF_TYPE: Record<AttributeKind, string> = { string: "string", int: "integer", long: "long", double: "double", boolean: "boolean" };

/**
 * GEXF 1.3 (Gephi): typed `<attributes class="node">` and `<attributes class="edge">`
 * declarations (ids are the attribute names), then `<nodes>` with the graph's ids and labels and
 * `<edges>` with the stable relationship ids, labelled with the relationship type.
 */
export function toGexf(graph: PreparedGraph, description: string): string {
  const nodeAttributes = [{ name: "type", kind: "string" as const }, ...graph.nodeAttributes];
  const edgeAttributes = [{ name: "type", kind: "string" as const }, ...graph.edgeAttributes];
  const root = create({ version: "1.0", encoding: "UTF-8" })
    .ele(GEXF_NS, "gexf")
    .att(XSI_NS, "xsi:schemaLocation", GEXF_XSD)
    .att("version", "1.3");
  const meta = root.ele("meta");
  meta.ele("creator").txt("zhusan-knowledge-graph");
  meta.ele("description").txt(description);
  const g = root.ele("graph", { mode: "static", defaultedgetype: "directed" });
  const nodeDecl = g.ele("attributes", { class: "node", mode: "static" });
  for (const a of nodeAttributes) nodeDecl.ele("attribute", { id: a.name, title: a.name, type: GEXF_TYPE[a.kind] });
  const edgeDecl = g.ele("attributes", { class: "edge", mode: "static" });
  for (const a of edgeAttributes) edgeDecl.ele("attribute", { id: a.name, title: a.name, type: GEXF_TYPE[a.kind] });

  const nodes = g.ele("nodes");
  for (const n of graph.nodes) {
    const values = nodes.ele("node", { id: n.id, label: n.label }).ele("attvalues");
    values.ele("attvalue", { for: "type", value: n.type });
    for (const [name, value] of Object.entries(n.attributes)) {
      values.ele("attvalue", { for: name, value: xmlText(value) });
    }
  }
  const edges = g.ele("edges");
  for (const e of graph.edges) {
    const values = edges.ele("edge", { id: e.id, source: e.source, target: e.target, label: e.type }).ele("attvalues");
    values.ele("attvalue", { for: "type", value: e.type });
    for (const [name, value] of Object.entries(e.attributes)) {
      values.ele("attvalue", { for: name, value: xmlText(value) });
    }
  }
  return root.end({ prettyPrint: true });
}
