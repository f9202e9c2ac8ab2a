import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { encodeCursor } from "../../src/shared/paging.js";

/** A small seeded PRNG (mulberry32): the same seed gives the same operations. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    some: <T>(items: readonly T[], n: number): T[] => {
      const copy = [...items];
      const out: T[] = [];
      while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
      return out;
    },
  };
}
export type Random = ReturnType<typeof prng>;

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
  /** Root fields read through the read model (each at most one database query when planned). */
  plannedRoots: number;
  /**
   * A page size out of range or a malformed cursor somewhere in it: that field answers BAD_USER_INPUT, so the planner
   * reads the operation level by level to report the error at its own field (counted as fallbacks,
   * even when the field is never reached because a list above it is empty).
   */
  outOfBounds: boolean;
}

export interface GeneratorOptions {
  /** Root fields to choose from, with the ids their `id` argument may take (by GraphQL type). */
  roots: readonly string[];
  ids: Record<string, string[]>;
  /** Deepest object nesting below a root field. */
  maxDepth: number;
}

/**
 * Random valid operations over the schema: random root fields and sub-selections down to
 * `maxDepth`, random arguments within bounds (page sizes, cursors, ids of the seeded graph, now and
 * then an unknown id), aliases of one field with different arguments, named and inline fragments,
 * interface fragments, `@include`/`@skip` with variables, variables for arguments.
 */
export function generateOperation(schema: GraphQLSchema, random: Random, options: GeneratorOptions): GeneratedOperation {
  const fragments: string[] = [];
  const variableDefs: string[] = [];
  const variables: Record<string, unknown> = {};
  let aliasCount = 0;
  let plannedRoots = 0;
  let outOfBounds = false;

  const variable = (type: string, value: unknown): string => {
    const name = `v${variableDefs.length}`;
    variableDefs.push(`$${name}: ${type}`);
    variables[name] = value;
    return `$${name}`;
  };

  const idFor = (typeName: string): string => {
    if (random.chance(0.05)) return `${typeName.toLowerCase()}:nobody-here`;
    const pool = options.ids[typeName] ?? Object.values(options.ids).flat();
    return random.pick(pool);
  };

  const cursorFor = (field: GraphQLField<unknown, unknown>): string => {
    const nodeType = connectionNode(field);
    const byStart = nodeType === "Claim" || nodeType === "Passage";
    const first = byStart ? random.int(0, 30000) : nodeType === "Event" ? random.pick(["2020-01-01", "2021-01-08", "2022-01-01"]) : random.pick(["A", "K", "Op", "U", "Z", "Kaz"]);
    return encodeCursor([first, idFor(nodeType ?? "Node")]);
  };

  const argValue = (field: GraphQLField<unknown, unknown>, arg: GraphQLArgument): string | null => {
    const named = getNamedType(arg.type);
    const required = isNonNullType(arg.type);
    if (!required && random.chance(arg.name === "first" ? 0.15 : 0.5)) return null;
    let value: unknown;
    let literal: string;
    switch (arg.name) {
      case "first":
        value = random.chance(0.03) ? random.pick([-1, 1000]) : random.int(0, 3);
        if (value === -1 || value === 1000) outOfBounds = true;
        literal = String(value);
        break;
      case "after":
        value = random.chance(0.03) ? "not-a-cursor" : cursorFor(field);
        if (value === "not-a-cursor") outOfBounds = true;
        literal = JSON.stringify(value);
        break;
      case "id":
        value = idFor(getNamedType(field.type).name);
        literal = JSON.stringify(value);
        break;
      case "speakerId":
        value = idFor("Person");
        literal = JSON.stringify(value);
        break;
      case "query":
        // Search text: names, acronyms, a possessive, plain words, and words no node has.
        value = random.pick(["UNICEF", "ICRC", "Kazakhstan's", "repatriation", "children Syria", "Zhusan", "OSCE", "nothingmatches"]);
        literal = JSON.stringify(value);
        break;
      case "aboutId":
        value = idFor(random.pick(["Program", "Country", "Organisation", "Person"]));
        literal = JSON.stringify(value);
        break;
      default:
        if (isEnumType(named)) {
          value = random.pick(named.getValues()).name;
          literal = String(value);
          break;
        }
        return null;
    }
    if (random.chance(0.2)) return `${arg.name}: ${variable(`${named.name}${required ? "!" : ""}`, value)}`;
    return `${arg.name}: ${literal}`;
  };

  const args = (field: GraphQLField<unknown, unknown>): string => {
    const given = field.args.map((a) => argValue(field, a)).filter((a): a is string => a !== null);
    return given.length > 0 ? `(${given.join(", ")})` : "";
  };

  const directive = (): string => {
    if (!random.chance(0.08)) return "";
    const skip = random.chance(0.5);
    return ` @${skip ? "skip" : "include"}(if: ${variable("Boolean!", random.chance(0.5))})`;
  };

  const selection = (type: GraphQLNamedType, depth: number): string => {
    if (isAbstractType(type)) {
      const parts = ["__typename", "id"];
      for (const possible of random.some(schema.getPossibleTypes(type), random.int(1, 3))) {
        parts.push(`... on ${possible.name} ${selection(possible, depth)}`);
      }
      return `{ ${parts.join(" ")} }`;
    }
    const object = type as GraphQLObjectType;
    const fields = Object.values(object.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0);
    const nested = depth < options.maxDepth ? fields.filter((f) => !isLeafType(getNamedType(f.type)) || f.args.length > 0) : [];
    const chosen = [...random.some(leaves, random.int(1, 3)), ...random.some(nested, random.int(depth < options.maxDepth - 1 && random.chance(0.5) ? 1 : 0, depth < 2 ? 2 : 1))];
    const parts: string[] = [];
    for (const field of chosen) {
      parts.push(fieldText(field, depth));
      if (aliasCount < 6 && (field.args.length > 0 || !isLeafType(getNamedType(field.type))) && random.chance(0.15)) {
        aliasCount++;
        parts.push(`alias${aliasCount}: ${fieldText(field, depth)}`);
      }
    }
    if (parts.length === 0 || random.chance(0.2)) parts.push("__typename");
    let body = parts.join(" ");
    if (random.chance(0.12)) {
      const name = `F${fragments.length}`;
      fragments.push(`fragment ${name} on ${object.name} { ${body} }`);
      body = `...${name}${random.chance(0.3) ? " __typename" : ""}`;
    } else if (random.chance(0.08)) {
      body = `... on ${object.name}${directive()} { ${body} }`;
    }
    return `{ ${body} }`;
  };

  const fieldText = (field: GraphQLField<unknown, unknown>, depth: number): string => {
    const named = getNamedType(field.type);
    const head = `${field.name}${args(field)}${directive()}`;
    return isLeafType(named) ? head : `${head} ${selection(named, depth + 1)}`;
  };

  const query = schema.getQueryType()!;
  const roots: string[] = [];
  for (const name of random.some(options.roots, random.int(1, 2))) {
    const field = query.getFields()[name]!;
    plannedRoots++;
    const text = fieldText(field, 0);
    // A second root field gets an alias: the same field twice with other arguments must not merge.
    roots.push(roots.length > 0 ? `r${roots.length}: ${text}` : text);
  }
  const head = variableDefs.length > 0 ? `query Generated(${variableDefs.join(", ")})` : "query Generated";
  return { query: [`${head} { ${roots.join(" ")} }`, ...fragments].join("\n"), variables, plannedRoots, outOfBounds };
}

/** The node type of a connection field, or null. */
function connectionNode(field: GraphQLField<unknown, unknown>): string | null {
  const type = getNamedType(field.type);
  if (!isObjectType(type) || !type.name.endsWith("Connection")) return null;
  const edges = type.getFields().edges;
  const edge = edges && getNamedType(edges.type);
  return edge && isObjectType(edge) ? getNamedType(edge.getFields().node!.type).name : null;
}

