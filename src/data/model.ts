import Cypher from "@neo4j/cypher-builder";
import neo4j from "neo4j-driver";
import { LRUCache } from "lru-cache";
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  visit,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { Config } from "../config/config.js";
import { Label } from "../graph/model.js";
import { Compiler, withColumns, type Binding, type Build } from "./compile.js";
import { value, type FieldSource, type Sources } from "./source.js";
import type { SelectionContext } from "./selection.js";

/** The interface every entity type implements; its Neo4j label is the type's name. */
export const NODE_INTERFACE = "Node";

/** A compiled query with what each request fills in: its parameters, and how its answer is built. */
export class Plan {
  constructor(
    readonly cypher: string,
    private readonly bindings: Binding[],
    readonly build: Build,
    /** Fields of the selection no declaration covers (their resolvers read them). */
    readonly unplanned: readonly string[],
  ) {}

  /**
   * The request's parameter values: each parameterized field's arguments, checked (a bad one
   * throws its coded error) and sent under their names; integral numbers as Neo4j integers.
   */
  bind(variables: Record<string, unknown>, config: Config): { sent: Record<string, unknown>; values: Record<string, unknown> } {
    const sent: Record<string, unknown> = {};
    const values: Record<string, unknown> = {};
    for (const binding of this.bindings) {
      const checked = binding.check(getArgumentValues(binding.field, binding.node, variables), config);
      for (const [key, name] of binding.names) {
        const v = checked[key] ?? null;
        values[name] = v;
        sent[name] = typeof v === "number" && Number.isInteger(v) ? neo4j.int(v) : v;
      }
    }
    return { sent, values };
  }
}

/** A field read on its own for a batch of parents: `UNWIND $keys AS key … RETURN key, value`. */
export interface FieldPlan {
  plan: Plan;
  /** The parent's key in the batch (its id, or the id a row refers to); null: no value to read. */
  keyOf(parent: Record<string, unknown>): string | null;
  /** The value for a key without a row. */
  missing: unknown;
}

/**
 * The read side of the schema: every field's declaration (sources), and the plans compiled from
 * them. Built once per process (server/schema.ts). Plans are compiled once per document and
 * cached (bounded), so the Cypher text is the same across requests and Neo4j's plan cache hits.
 */
export class ReadModel {
  private readonly entityTypes: Set<string>;
  private readonly rootPlans = new LRUCache<OperationDefinitionNode, Map<string, Plan>>({ max: 1000 });
  private readonly fieldPlans = new LRUCache<FieldNode, Map<string, FieldPlan>>({ max: 5000 });
  private readonly directiveVariables = new WeakMap<OperationDefinitionNode, string[]>();

  constructor(
    readonly schema: GraphQLSchema,
    private readonly sources: Sources,
  ) {
    const node = schema.getType(NODE_INTERFACE);
    this.entityTypes = new Set(node && "getFields" in node ? schema.getPossibleTypes(node as never).map((t) => t.name) : []);
  }

  isEntity(type: GraphQLObjectType): boolean {
    return this.entityTypes.has(type.name);
  }

  /**
   * A field's declaration. An entity's scalar fields without arguments need none: they are the
   * node's property of the same name (a list property absent from the node reads as []).
   */
  source(type: GraphQLObjectType, name: string): FieldSource | undefined {
    const declared = this.sources[type.name]?.[name];
    if (declared || !this.isEntity(type)) return declared;
    const field = type.getFields()[name];
    if (!field || field.args.length > 0 || !isLeafType(getNamedType(field.type))) return undefined;
    const list = isListType(getNullableType(field.type)) && isNonNullType(field.type);
    return value(({ node }) => {
      const property = (node as Cypher.Node).property(name);
      return list ? Cypher.coalesce(property, new Cypher.List([])) : property;
    });
  }

  /** The plan of a root field's whole selection (`cut`: only its first level, see Compiler). */
  rootPlan(info: GraphQLResolveInfo, cut: boolean): Plan {
    const key = `${info.path.key}|${cut}|${this.directiveSignature(info)}`;
    let plans = this.rootPlans.get(info.operation);
    if (!plans) this.rootPlans.set(info.operation, (plans = new Map()));
    let plan = plans.get(key);
    if (!plan) {
      const source = this.source(info.parentType, info.fieldName);
      if (!source) throw new Error(`${info.parentType.name}.${info.fieldName} has no read declaration`);
      const compiler = new Compiler(this, this.selectionContext(info), cut);
      const compiled = compiler.field(info.parentType, info.fieldNodes, {}, source);
      const { cypher } = Cypher.utils.concat(...withColumns(compiled.columns, false), new Cypher.Return([compiled.expr, new Cypher.NamedVariable("value")])).build();
      plan = new Plan(cypher, compiler.bindings, compiled.build ?? ((raw) => raw), compiler.unplanned);
      plans.set(key, plan);
    }
    return plan;
  }

  /**
   * The plan of one field for a batch of parents, as the per-field loaders read it: the field's
   * own level only (see Compiler's `cut`). Parents are entities found by id, or, for a relation
   * to a node by id (`Mention.passage`), that node.
   */
  fieldPlan(info: GraphQLResolveInfo): FieldPlan {
    const first = info.fieldNodes[0]!;
    const key = `${info.parentType.name}|${info.fieldNodes.map((n) => n.loc?.start).join(",")}|${this.directiveSignature(info)}`;
    let plans = this.fieldPlans.get(first);
    if (!plans) this.fieldPlans.set(first, (plans = new Map()));
    let plan = plans.get(key);
    if (!plan) {
      plans.set(key, (plan = this.compileFieldPlan(info)));
    }
    return plan;
  }

  private compileFieldPlan(info: GraphQLResolveInfo): FieldPlan {
    const source = this.source(info.parentType, info.fieldName);
    if (!source || source.kind === "value" || source.kind === "object" || source.kind === "nodeById") {
      throw new Error(`${info.parentType.name}.${info.fieldName} cannot be read on its own`);
    }
    const compiler = new Compiler(this, this.selectionContext(info), true);
    const keyVar = new Cypher.NamedVariable("key");
    const node = new Cypher.Node();
    const entity = this.isEntity(info.parentType);
    const byId = source.kind === "relation" ? source.byId : undefined;
    if (!entity && !byId) throw new Error(`${info.parentType.name}.${info.fieldName} has no key to read it by`);
    const compiled = entity
      ? compiler.field(info.parentType, info.fieldNodes, { node }, source)
      : compiler.project(getNamedType(info.returnType), { node }, info.fieldNodes);
    const { cypher } = Cypher.utils
      .concat(
        new Cypher.Unwind([new Cypher.NamedParam("keys"), keyVar]),
        new Cypher.Match(new Cypher.Pattern(node, { labels: [Label.Entity], properties: { id: keyVar } })),
        ...withColumns(compiled.columns),
        new Cypher.Return(keyVar, [compiled.expr, new Cypher.NamedVariable("value")]),
      )
      .build();
    const one = source.kind === "relation" && (source.one || byId !== undefined);
    return {
      plan: new Plan(cypher, compiler.bindings, compiled.build ?? ((raw) => raw), compiler.unplanned),
      keyOf: entity ? (parent) => String(parent["@id"] ?? parent.id) : (parent) => byId!(parent) ?? null,
      missing: one || source.kind === "connection" ? null : [],
    };
  }

  private selectionContext(info: GraphQLResolveInfo): SelectionContext {
    return { schema: this.schema, fragments: info.fragments, variables: info.variableValues };
  }

  /**
   * Plans depend on the values of the variables `@skip`/`@include` read (they change the
   * selection), never on other values (those travel as parameters).
   */
  private directiveSignature(info: GraphQLResolveInfo): string {
    let names = this.directiveVariables.get(info.operation);
    if (!names) {
      const found = new Set<string>();
      const scan = (node: object) =>
        visit(node as never, {
          Directive(directive) {
            for (const arg of directive.arguments ?? []) if (arg.value.kind === Kind.VARIABLE) found.add(arg.value.name.value);
          },
        });
      scan(info.operation);
      for (const fragment of Object.values(info.fragments)) scan(fragment);
      names = [...found].sort();
      this.directiveVariables.set(info.operation, names);
    }
    return names.length === 0 ? "" : JSON.stringify(names.map((n) => info.variableValues[n] ?? null));
  }
}

export type { GraphQLField };
