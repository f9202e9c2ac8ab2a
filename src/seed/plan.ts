import type { Label } from "../graph/model.js";

export type Props = Record<string, string | number | boolean | string[] | null | undefined>;

/** A node to write: merged on `props.id` under `label` (plus Entity when `entity`). */
export interface NodeRow {
  label: Label;
  entity: boolean;
  props: Props & { id: string };
}

/** A relationship to write between two ids; `props.id` is its stable id. */
export interface RelRow {
  type: string;
  from: string;
  to: string;
  props: Props & { id: string };
}

/** Everything the loader will write, computed and checked before the first write. */
export interface GraphPlan {
  /** SHA-256 of the first document's text. */
  documentSha256: string;
  /** Every document, in load order: its id and its folder's name (documents/<slug>/). */
  documents: Array<{ id: string; slug: string }>;
  nodes: NodeRow[];
  rels: RelRow[];
}
