import type Cypher from "@neo4j/cypher-builder";
import type { Config } from "../config/config.js";

/**
 * How the API's GraphQL fields are read from the graph, declared once per field as data. Domain
 * modules declare their fields (`country.relations.ts`); the server hands every declaration to the
 * read model once at start-up (server/schema.ts). The planner (compile.ts) composes the
 * declarations of a whole selection into one Cypher query; the per-field loaders (reader.ts) run
 * each declaration on its own, batched by parent. Both are derived from the same declaration.
 */

/**
 * The Cypher values a type's fields are computed from, by name. An entity type (a type
 * implementing `Node`) is read from `{ node }`, its node; a row type (`ProgramParticipation`,
 * `Mention`, …) from whatever names the relations producing it bind (`{ rel, program, participant }`).
 */
export type Scope = Record<string, Cypher.Expr>;

/** The node of an entity scope. */
export const nodeOf = (scope: Scope): Cypher.Node => scope.node as Cypher.Node;

/**
 * A field's arguments, checked at the edge: values for the query's parameters, by name. Throws a
 * coded error (BAD_USER_INPUT) for a bad argument. Integral numbers are sent as Neo4j integers.
 */
export type ArgsCheck = (args: Record<string, any>, config: Config) => Record<string, unknown>;

/** Parameters of a field's query, by the names its `args` check returns. */
export type Params = Record<string, Cypher.Param>;

/**
 * A value computed in Cypher from the scope: a scalar, a list of scalars, or JSON. `build`, when
 * given, turns what Neo4j returns for it into the field's value, with the request's parameter
 * values by name (`Cypher.NamedParam#id`): what Cypher cannot compute alike (a search snippet).
 */
export interface ValueSource {
  kind: "value";
  value: (scope: Scope, params: Params) => Cypher.Expr;
  args?: ArgsCheck;
  build?: (scope: Scope) => (raw: any, values: Record<string, unknown>) => any;
}

/** An object of the field's type (an entity or a row) already bound in the scope: `{ node: scope.program }`. */
export interface ObjectSource {
  kind: "object";
  scope: (scope: Scope) => Scope;
}

/** What a relation's subquery reads: its clauses (without RETURN) and each row's scope. */
export interface Rows {
  clause: Cypher.Clause;
  scope: Scope;
}

/**
 * A relation: a subquery from the scope reading the related objects, one row each, in the list's
 * order. `one`: a single object (the first row, null without rows).
 */
export interface RelationSource {
  kind: "relation";
  one?: boolean;
  args?: ArgsCheck;
  rows: (scope: Scope, params: Params) => Rows;
  /**
   * The most rows it returns per parent, where the model bounds it (a curated link's evidence is
   * its one quote) or the data keeps it small: what the cost model counts for it instead of the
   * default for a list without a size (server/limits.ts).
   */
  most?: number;
  /**
   * For a relation on a row type whose target is a node found by id (`Mention.passage`): how the
   * per-field loader finds the id on a row built outside the read model (a graph view's evidence).
   */
  byId?: (parent: Record<string, unknown>) => string | null | undefined;
}

/**
 * A keyset-paginated list (`first`, `after`, `totalCount`): `match` binds the list's nodes, `order`
 * is their sort key (unique: the last one is the id). Cursors are the sort key (shared/paging.ts).
 */
export interface ConnectionSource {
  kind: "connection";
  args?: ArgsCheck;
  match: (scope: Scope, params: Params) => { pattern: Cypher.Pattern; where?: Cypher.Predicate; node: Cypher.Node };
  order: SortKeys;
  /**
   * A predicate over the parameters only, true when they filter nothing (`match`'s `where` holds for
   * every node of its pattern): `totalCount` is then the pattern's count, which Neo4j reads from its
   * count store for a lone label instead of counting node by node.
   */
  unfiltered?: (params: Params) => Cypher.Predicate;
}

/**
 * A list's sort key as expressions of its node. `lowest`, when given, is a value no node's first
 * key is below (`""` for names, `-Infinity` for offsets), and says every listed node has each key:
 * a page is then read as the range `key >= cursor` of an index on the keys, in index order, and
 * stops at the page's end, instead of reading and sorting the whole list.
 */
export type SortKeys = ((node: Cypher.Node) => Cypher.Expr[]) & { lowest?: string | number };

/** A root field reading one node by id (`country(id:)`); `label` narrows it to a type (null otherwise). */
export interface NodeByIdSource {
  kind: "nodeById";
  label: string | null;
}

export type FieldSource = ValueSource | ObjectSource | RelationSource | ConnectionSource | NodeByIdSource;

/** Declarations by GraphQL type, then field: `{ Country: { programs: relation(…) } }`. */
export type Sources = Record<string, Record<string, FieldSource>>;

export const value = (value: ValueSource["value"], args?: ArgsCheck, build?: ValueSource["build"]): ValueSource => ({ kind: "value", value, args, build });
export const object = (scope: ObjectSource["scope"]): ObjectSource => ({ kind: "object", scope });
export const relation = (declared: Omit<RelationSource, "kind">): RelationSource => ({ kind: "relation", ...declared });
export const connection = (declared: Omit<ConnectionSource, "kind">): ConnectionSource => ({ kind: "connection", ...declared });
export const nodeById = (label: string | null): NodeByIdSource => ({ kind: "nodeById", label });

/** Merges the declarations of several modules; a field declared twice is a programming error. */
export function mergeSources(...all: Sources[]): Sources {
  const merged: Sources = {};
  for (const sources of all) {
    for (const [type, fields] of Object.entries(sources)) {
      const into = (merged[type] ??= {});
      for (const [field, source] of Object.entries(fields)) {
        if (into[field]) throw new Error(`${type}.${field} is declared twice`);
        into[field] = source;
      }
    }
  }
  return merged;
}
