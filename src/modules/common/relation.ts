import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import { batchLoader } from "./batch.js";
import { NODE_VALUE } from "./entity.js";

/**
 * Renders the Cypher value of a related node bound to `variable`. `path` is where that node sits in
 * the GraphQL value of the field (`[]` for the field itself, `["program"]` for
 * `ProgramParticipation.program`), so a renderer that knows the selection can add what the client
 * asked for under it (see server/prefetch.ts). The plain renderer is `NODE_VALUE`.
 */
export type NodeRender = (variable: string, path?: readonly string[]) => string;

export const plainNode: NodeRender = (variable) => NODE_VALUE(variable);

/**
 * A relation of an entity read by id (`Person.affiliations`, `Claim.speaker`, …), written once as
 * the Cypher for ONE parent so that it serves both a batch loader (`UNWIND $keys …`) and a query
 * that reads the parents themselves (prefetching).
 *
 * `rows` reads the related values of the node bound to `parent`, one row per value in the list's
 * order, in the column `value`; related nodes are rendered with `node`. It must not bind `key` or
 * `value` before its RETURN. Every name in it is a constant of the code.
 */
export interface Relation<V> {
  /** Label of the parent node (its id index serves the batch lookup). */
  parentLabel: string;
  rows: (node: NodeRender) => string;
  /** One value (the first row, null without rows) instead of a list. */
  one?: boolean;
  map: (value: unknown) => V;
  /** The value of a key whose parent does not exist. */
  missing: V;
  /** Query parameters the rows use (`$roles`, `$maxEvidence`), the same in every query. */
  params?: (config: Config) => Record<string, unknown>;
}

/**
 * The relation's value for the node bound to `variable`, as a Cypher expression; `level` is how
 * deep it is nested in other relations' values (0 outermost).
 */
export function relationValue(relation: Relation<unknown>, variable: string, node: NodeRender, level = 0): string {
  // The parent passes under a name unique to its level into a scoped CALL, which sees nothing else:
  // names inside never clash with the caller's (a subquery expression sees every outer variable).
  const alias = `parent${level}`;
  const value = `COLLECT { WITH ${variable} AS ${alias} CALL (${alias}) { WITH ${alias} AS parent ${relation.rows(node)} } RETURN value }`;
  return relation.one ? `${value}[0]` : value;
}

/** The batch query of a relation: one row `key, value` per key whose parent exists. */
export function relationQuery(relation: Relation<unknown>, node: NodeRender = plainNode): string {
  return `
UNWIND $keys AS key
MATCH (parent:${relation.parentLabel} {id: key})
RETURN key, ${relationValue(relation, "parent", node)} AS value`;
}

/** A per-request loader of a relation, keyed by the parent's id; related nodes rendered by `node`. */
export function relationLoader<V>(db: RequestDb, config: Config, relation: Relation<V>, node: NodeRender = plainNode) {
  return batchLoader<string, V>(db, () => relationQuery(relation, node), relation.map, relation.missing, relation.params?.(config) ?? {});
}
