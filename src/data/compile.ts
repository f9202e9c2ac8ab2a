import Cypher from "@neo4j/cypher-builder";
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from "graphql";
import { Label } from "../graph/model.js";
import { assertId } from "../shared/ids.js";
import { collectFields, subSelections, type SelectionContext } from "./selection.js";
import { nodeOf, type ArgsCheck, type ConnectionSource, type FieldSource, type Params, type Scope } from "./source.js";
import { connectionArgs, SORT_KEY, toConnection, type ConnectionShape } from "./connection.js";
import type { ReadModel } from "./model.js";

/**
 * Turns the raw value Neo4j returns for a compiled expression into the GraphQL value (cursors,
 * page info); null where the raw value is the answer as it is. `values` are the request's
 * parameter values by name.
 */
export type Build = (raw: any, values: Record<string, unknown>) => any;

export interface Compiled {
  expr: Cypher.Expr;
  build: Build | null;
  /**
   * Subqueries `expr` refers to by variable, to be computed as columns (`WITH *, COLLECT {…} AS v`)
   * before the RETURN of the enclosing query or subquery. Neo4j 5 refuses a subquery that
   * aggregates (a reference's `collect()` of mentions) inside a map or CASE, so no subquery is
   * ever nested in an expression: each is a column of its own.
   */
  columns: Column[];
}

export type Column = [Cypher.Expr, Cypher.Variable];

/** `WITH *, <columns>` (or nothing without columns): computes hoisted subqueries before a RETURN. */
export function withColumns(columns: Column[], star = true): Cypher.Clause[] {
  if (columns.length === 0) return [];
  return [star ? new Cypher.With("*", ...columns) : new Cypher.With(...columns)];
}

/** A field whose arguments become query parameters: checked and bound per request. */
export interface Binding {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
  check: ArgsCheck;
  /** The check's result keys the query uses, and the parameter each is sent as. */
  names: Map<string, string>;
}

/** Key of the type every compiled object carries (not a GraphQL name, so never a response key). */
export const TYPE_KEY = "@";
/** Key of an entity's id on every compiled entity that does not select `id` itself (its fields may be resolved later by id). */
export const ID_KEY = "@id";

/**
 * Compiles selections into Cypher expressions, one compiler per plan. Every variable and
 * parameter name comes from the builder (`this0`, `p3`), so nested subqueries never shadow each
 * other, and argument values only ever travel as parameters.
 *
 * `cut`: the per-field loader path. Relation and connection fields of entities are left out, to be
 * read by their own loaders (level by level, batched); everything else compiles the same way.
 */
export class Compiler {
  readonly bindings: Binding[] = [];
  /** Fields selected that no declaration covers: resolved by their resolvers instead. */
  readonly unplanned: string[] = [];
  private paramCount = 0;

  constructor(
    private readonly model: ReadModel,
    private readonly selection: SelectionContext,
    private readonly cut: boolean,
  ) {}

  /** The value of the field at `key` of `parentType` in `scope`. */
  field(parentType: GraphQLObjectType, nodes: readonly FieldNode[], scope: Scope, source: FieldSource): Compiled {
    const field = parentType.getFields()[nodes[0]!.name.value]!;
    const target = getNamedType(field.type);
    switch (source.kind) {
      case "value":
        return { expr: source.value(scope, this.bind(field, nodes[0]!, source.args)), build: source.build?.(scope) ?? null, columns: [] };
      case "object":
        return this.project(target, source.scope(scope), nodes);
      case "relation": {
        const { clause, scope: row } = source.rows(scope, this.bind(field, nodes[0]!, source.args));
        return this.rows(clause, target, row, nodes, source.one ?? false);
      }
      case "nodeById": {
        const params = this.bind(field, nodes[0]!, (args) => ({ id: assertId(args.id, "id") }));
        const node = new Cypher.Node();
        let match = new Cypher.Match(new Cypher.Pattern(node, { labels: [Label.Entity], properties: { id: params.id! } }));
        if (source.label) match = match.where(node.hasLabel(source.label));
        return this.rows(match, target, { node }, nodes, true);
      }
      case "connection":
        return this.connection(field, target, nodes, scope, source);
    }
  }

  /**
   * The value of an object of `type` (an object type, or an interface resolved by the node's
   * labels) in `scope`: a map of the selected fields by response key.
   */
  project(type: GraphQLNamedType, scope: Scope, nodes: readonly FieldNode[]): Compiled {
    if (isAbstractType(type)) {
      const possibleTypes = this.selection.schema.getPossibleTypes(type);
      // The node's labels are read once, as a column: a label test per possible type reads them each time.
      const labels = new Cypher.Variable();
      const label = new Cypher.Variable();
      const names = new Cypher.List(possibleTypes.map((t) => new Cypher.Literal(t.name)));
      const byType = new Map<string, Compiled>();
      const columns: Column[] = [[Cypher.labels(nodeOf(scope)), labels]];
      const choice = new Cypher.Case(Cypher.head(new Cypher.ListComprehension(label).in(labels).where(Cypher.in(label, names))));
      for (const possible of possibleTypes) {
        const compiled = this.project(possible, scope, nodes);
        byType.set(possible.name, compiled);
        columns.push(...compiled.columns);
        choice.when(new Cypher.Literal(possible.name)).then(compiled.expr);
      }
      const builds = [...byType].filter(([, c]) => c.build);
      const build: Build | null =
        builds.length === 0 ? null : (raw, values) => (raw == null ? raw : (byType.get(raw[TYPE_KEY])?.build?.(raw, values) ?? raw));
      return { expr: choice, build, columns };
    }
    if (!isObjectType(type)) throw new Error(`${type.name} is not an object type`);
    const entity = this.model.isEntity(type);
    const map = new Cypher.Map({ [TYPE_KEY]: new Cypher.Literal(type.name) });
    const fields = collectFields(this.selection, type, subSelections(nodes));
    // An entity's id, by which its fields may be read later; the `id` field itself when selected as such (one read less).
    if (entity && fields.get("id")?.[0]!.name.value !== "id") map.set(ID_KEY, nodeOf(scope).property("id"));
    const builds: Array<[string, Build]> = [];
    const columns: Column[] = [];
    for (const [key, fieldNodes] of fields) {
      const name = fieldNodes[0]!.name.value;
      if (name === "__typename") continue;
      const source = this.model.source(type, name);
      if (!source) {
        this.unplanned.push(`${type.name}.${name}`);
        continue;
      }
      if (this.cut && entity && (source.kind === "relation" || source.kind === "connection")) continue;
      const compiled = this.field(type, fieldNodes, scope, source);
      map.set(key, compiled.expr);
      columns.push(...compiled.columns);
      if (compiled.build) builds.push([key, compiled.build]);
    }
    const build: Build | null =
      builds.length === 0
        ? null
        : (raw, values) => {
            if (raw == null) return raw;
            for (const [key, b] of builds) raw[key] = b(raw[key], values);
            return raw;
          };
    return { expr: map, build, columns };
  }

  /** A subquery's rows as a list (or its first row): `COLLECT { … RETURN <object> }`, as a column. */
  private rows(clause: Cypher.Clause, target: GraphQLNamedType, row: Scope, nodes: readonly FieldNode[], one: boolean): Compiled {
    const item = this.project(target, row, nodes);
    const list = new Cypher.Variable();
    const subquery = new Cypher.Collect(Cypher.utils.concat(clause, ...withColumns(item.columns), new Cypher.Return(item.expr)));
    const columns: Column[] = [[subquery, list]];
    const b = item.build;
    if (one) return { expr: Cypher.head(list), build: b && ((raw, values) => (raw == null ? raw : b(raw, values))), columns };
    return {
      expr: list,
      build:
        b &&
        ((raw: unknown[], values) => {
          for (let i = 0; i < raw.length; i++) raw[i] = b(raw[i], values);
          return raw;
        }),
      columns,
    };
  }

  /** A keyset page of nodes with its cursors, page info and (only when selected) its total. */
  private connection(field: GraphQLField<unknown, unknown>, type: GraphQLNamedType, nodes: readonly FieldNode[], scope: Scope, source: ConnectionSource): Compiled {
    if (!isObjectType(type)) throw new Error(`${type.name} is not a connection type`);
    const arity = source.order(new Cypher.Node()).length;
    const lowest = source.order.lowest;
    const params = this.bind(field, nodes[0]!, connectionArgs(source.args, arity, lowest));
    const { pattern, where, node } = source.match(scope, params);
    const keys = source.order(node);
    const shape: ConnectionShape = { type: type.name, edges: [], pageInfo: [], totalCount: [], size: (params.size as Cypher.NamedParam).id, after: (params.after as Cypher.NamedParam).id };
    const row = new Cypher.Map({ [SORT_KEY]: new Cypher.List(keys) });
    const builds: Array<[string, Build]> = [];
    const rowColumns: Column[] = [];
    const edgeType = getNamedType(type.getFields().edges!.type) as GraphQLObjectType;
    const nodeType = getNamedType(edgeType.getFields().node!.type);
    for (const [key, fieldNodes] of collectFields(this.selection, type, subSelections(nodes))) {
      const name = fieldNodes[0]!.name.value;
      if (name === "totalCount") shape.totalCount.push(key);
      else if (name === "pageInfo") shape.pageInfo.push({ key, fields: this.keysOf(getNamedType(type.getFields().pageInfo!.type) as GraphQLObjectType, fieldNodes) });
      else if (name === "edges") {
        const edge = { key, type: edgeType.name, cursor: [] as string[], node: [] as string[] };
        for (const [edgeKey, edgeNodes] of collectFields(this.selection, edgeType, subSelections(fieldNodes))) {
          const edgeField = edgeNodes[0]!.name.value;
          if (edgeField === "cursor") edge.cursor.push(edgeKey);
          else if (edgeField === "node") {
            const column = `${key}.${edgeKey}`;
            edge.node.push(edgeKey);
            const compiled = this.project(nodeType, { node }, edgeNodes);
            row.set(column, compiled.expr);
            rowColumns.push(...compiled.columns);
            if (compiled.build) builds.push([column, compiled.build]);
          }
        }
        shape.edges.push(edge);
      }
    }
    const after = params.after!;
    // With a lowest value, the page is a range of the index on the sort key (`first >= $from`, the
    // other keys present), read in index order up to the LIMIT: its cost is the page, not the list.
    const inIndexOrder = lowest === undefined ? [] : [Cypher.gte(keys[0]!, params.from!), ...keys.slice(1).map((k) => Cypher.isNotNull(k))];
    const page = Cypher.utils.concat(
      new Cypher.Match(pattern).where(Cypher.and(where, ...inIndexOrder, keysetAfter(keys, after))),
      new Cypher.With(node).orderBy(...keys.map((k): [Cypher.Expr, "ASC"] => [k, "ASC"])).limit(params.limit!),
      ...withColumns(rowColumns),
      new Cypher.Return(row),
    );
    const rows = new Cypher.Variable();
    const value = new Cypher.Map({ rows });
    const columns: Column[] = [[new Cypher.Collect(page), rows]];
    if (shape.totalCount.length > 0) {
      const counted = source.match(scope, params);
      const total = new Cypher.Variable();
      value.set("total", total);
      const filtered = new Cypher.Count(new Cypher.Match(counted.pattern).where(counted.where));
      const unfiltered = counted.where && source.unfiltered?.(params);
      // Without filters, the pattern's own count (the count store for `(n:Label)`); else node by node.
      const count = unfiltered ? new Cypher.Case().when(unfiltered).then(new Cypher.Count(new Cypher.Match(source.match(scope, params).pattern))).else(filtered) : filtered;
      columns.push([count, total]);
    }
    return {
      expr: value,
      columns,
      build: (raw, values) => {
        if (builds.length > 0) for (const r of raw.rows) for (const [column, b] of builds) r[column] = b(r[column], values);
        return toConnection(raw, shape, values);
      },
    };
  }

  /** Response keys by field name, for a type whose fields are plain values (PageInfo). */
  private keysOf(type: GraphQLObjectType, nodes: readonly FieldNode[]): Array<[string, string]> {
    return [...collectFields(this.selection, type, subSelections(nodes))].map(([key, n]) => [key, n[0]!.name.value]);
  }

  /**
   * Parameters of a field: a placeholder per key its check returns, named by the builder's
   * counter. Which keys a query uses is known once it is compiled: only those are sent.
   */
  private bind(field: GraphQLField<unknown, unknown>, node: FieldNode, check: ArgsCheck | undefined): Params {
    if (!check) return {};
    const binding: Binding = { field, node, check, names: new Map() };
    this.bindings.push(binding);
    return new Proxy({} as Params, {
      get: (made, key) => {
        if (typeof key !== "string") return undefined;
        if (!made[key]) {
          const name = `p${this.paramCount++}`;
          binding.names.set(key, name);
          made[key] = new Cypher.NamedParam(name);
        }
        return made[key];
      },
    });
  }
}

/** Keyset predicate: the sort key `keys` comes strictly after the cursor `after` (null: from the start). */
function keysetAfter(keys: Cypher.Expr[], after: Cypher.Param): Cypher.Predicate {
  const at = (i: number) => Cypher.listIndex(after, i);
  const later = keys.map((key, i) => Cypher.and(...keys.slice(0, i).map((k, j) => Cypher.eq(k, at(j))), Cypher.gt(key, at(i)))!);
  return Cypher.or(Cypher.isNull(after), ...later)!;
}
