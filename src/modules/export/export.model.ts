import { nodeLabel } from "../../graph/label.js";
import { entityTypeOf, type EntityType } from "../common/entity-type.js";
import type { ExportGraph } from "./export.repository.js";

/** A value as the typed formats (GraphML, GEXF) declare it. */
export type AttributeKind = "string" | "int" | "long" | "double" | "boolean";

export interface AttributeDecl {
  /** The property's name, as in the graph (`name`, `quote`, `participantCount`). */
  name: string;
  kind: AttributeKind;
}

export type AttributeValue = string | number | boolean | string[];

export interface PreparedNode {
  id: string;
  type: EntityType;
  label: string;
  /** The node's properties except `id`, as stored (lists stay lists). */
  attributes: Record<string, AttributeValue>;
}

export interface PreparedEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  attributes: Record<string, AttributeValue>;
}

/** A graph ready to serialize: labelled nodes and one typed declaration per attribute. */
export interface PreparedGraph {
  nodes: PreparedNode[];
  edges: PreparedEdge[];
  /** Node attributes besides `label` and `type`, sorted by name. */
  nodeAttributes: AttributeDecl[];
  /** Edge attributes besides `type`, sorted by name. */
  edgeAttributes: AttributeDecl[];
  truncated: boolean;
}

/** Separator of list values (aliases, demonyms) in the XML formats, which have no portable list type. */
export const LIST_SEPARATOR = " | ";
const INT32 = 2 ** 31;

function attributeValue(value: unknown): AttributeValue | null {
  if (value == null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(String);
  return String(value);
}

function kindOf(value: AttributeValue): AttributeKind {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return "double";
    return Math.abs(value) < INT32 ? "int" : "long";
  }
  return "string";
}

/** The narrowest kind that holds both: int within long within double; anything else mixed is a string. */
function widen(a: AttributeKind, b: AttributeKind): AttributeKind {
  if (a === b) return a;
  const numeric: AttributeKind[] = ["int", "long", "double"];
  if (numeric.includes(a) && numeric.includes(b)) return numeric[Math.max(numeric.indexOf(a), numeric.indexOf(b))]!;
  return "string";
}

function declare(rows: Array<Record<string, AttributeValue>>): AttributeDecl[] {
  const kinds = new Map<string, AttributeKind>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const kind = kindOf(value);
      const known = kinds.get(name);
      kinds.set(name, known ? widen(known, kind) : kind);
    }
  }
  return [...kinds.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, kind]) => ({ name, kind }));
}

/** Names the formats use themselves; a property of the same name is left out rather than clash. */
const RESERVED = new Set(["id", "label", "type", "source", "target"]);

function attributesOf(props: Record<string, unknown>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [name, raw] of Object.entries(props)) {
    if (RESERVED.has(name)) continue;
    const value = attributeValue(raw);
    if (value !== null && !(Array.isArray(value) && value.length === 0)) out[name] = value;
  }
  return out;
}

export function prepareGraph(graph: ExportGraph): PreparedGraph {
  const nodes = graph.nodes.flatMap((n): PreparedNode[] => {
    const type = entityTypeOf(n.labels);
    return type ? [{ id: n.id, type, label: nodeLabel(n.props, n.id), attributes: attributesOf(n.props) }] : [];
  });
  const edges = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: e.type, attributes: attributesOf(e.props) }));
  return {
    nodes,
    edges,
    nodeAttributes: declare(nodes.map((n) => n.attributes)),
    edgeAttributes: declare(edges.map((e) => e.attributes)),
    truncated: graph.truncated,
  };
}

/** A value as text in an XML attribute or element: lists joined with LIST_SEPARATOR. */
export function xmlText(value: AttributeValue): string {
  return Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
}
