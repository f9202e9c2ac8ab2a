import { plain } from "../../shared/neo4j-values.js";
import { entityTypeOf, LABEL_OF, type EntityType } from "./entity-type.js";

/**
 * A node read from Neo4j, as resolvers see it: its properties (plain values) plus `__typename`,
 * which the Node interface uses to pick the GraphQL type. Lists default to [] so that a property
 * the loader left out never breaks a non-null field.
 */
export interface Entity {
  __typename: string;
  type: EntityType;
  id: string;
  [property: string]: unknown;
}

const LIST_PROPERTIES = ["aliases", "demonyms"] as const;

/** Properties stored only for the indexes (graph/model.ts), never shown. */
const INDEX_HELPERS = ["searchText", "foldedNames"] as const;

/** What every query returning a node returns for it: `{labels: labels(n), props: …}` (see NODE_PROPS). */
export interface NodeValue {
  labels: string[];
  props: Record<string, unknown>;
}

export function toEntity(value: NodeValue | null | undefined): Entity | null {
  if (!value) return null;
  const type = entityTypeOf(value.labels);
  if (!type) return null;
  const props = plain(value.props) as Record<string, unknown>;
  for (const key of INDEX_HELPERS) delete props[key];
  for (const key of LIST_PROPERTIES) props[key] ??= [];
  return { ...props, __typename: LABEL_OF[type], type, id: String(props.id) };
}

/** Narrows an entity to one GraphQL type; a node of another type is treated as absent. */
export function ofType<T>(entity: Entity | null | undefined, typename: string): T | null {
  return entity && entity.__typename === typename ? (entity as unknown as T) : null;
}

/**
 * Cypher for a whole node value. Queries of a request render nodes through its NodeProjection
 * (projection.ts), which reads fewer properties when the operation shows fewer; search reads whole nodes.
 */
export const NODE_VALUE = (variable: string) => `{labels: labels(${variable}), props: ${NODE_PROPS(variable)}}`;

/**
 * A node's properties without the index helpers (`searchText`, the full-text index's input, and
 * `foldedNames`; never shown): `searchText` is the longest property of most nodes, and leaving it
 * in Neo4j cuts a list query's payload by a third.
 */
export const NODE_PROPS = (variable: string) => `${variable} {.*, ${INDEX_HELPERS.map((p) => `${p}: null`).join(", ")}}`;

/** Maps a `NODE_VALUE` to an entity. */
export const asEntity = (value: unknown): Entity | null => toEntity(value as NodeValue | null);
