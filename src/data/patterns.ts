import Cypher from "@neo4j/cypher-builder";
import { pageSize } from "../shared/paging.js";
import { connection, nodeOf, relation, value, type ArgsCheck, type ConnectionSource, type RelationSource, type Scope, type SortKeys, type ValueSource } from "./source.js";

/** A sort: expressions, ascending unless marked DESC. */
export type Sort = Array<Cypher.Expr | [Cypher.Expr, "ASC" | "DESC"]>;

/**
 * Lists by name, then id (the id makes the order total, as keyset cursors need). Every node listed
 * by name has one, so pages are index ranges (an index on `(name, id)` per label: graph-schema.ts).
 */
export const byNameId: SortKeys = Object.assign((n: Cypher.Node): Cypher.Expr[] => [n.property("name"), n.property("id")], { lowest: "" });
/** Lists in document order: by offset, then id (indexed as `(start, id)`). */
export const byStartId: SortKeys = Object.assign((n: Cypher.Node): Cypher.Expr[] => [n.property("start"), n.property("id")], {
  lowest: Number.NEGATIVE_INFINITY,
});

/** Every node of a label, as a connection in `order` (a root list: `countries`, `people`, …). */
export function everyNode(label: string, order: SortKeys): ConnectionSource {
  return connection({
    match: () => {
      const n = new Cypher.Node();
      return { pattern: new Cypher.Pattern(n, { labels: [label] }), node: n };
    },
    order,
  });
}

/** A relationship type or several (`RUNS|SUPPORTS`), escaped by the builder; labels alike (`Person|Event`). */
export const types = (...names: string[]) => (names.length === 1 ? names[0]! : Cypher.labelExpr.or(...names));

/**
 * Nodes one relationship away from the scope's node: `(node)-[:TYPE]->(n:Label)` (or `<-` for
 * `in`), ordered, or the first one (`one`).
 */
export function neighbours(opts: { type: string; direction: "out" | "in"; label: string; order?: (n: Cypher.Node) => Sort; one?: boolean }): RelationSource {
  return relation({
    one: opts.one,
    rows: (scope) => {
      const n = new Cypher.Node();
      const pattern = new Cypher.Pattern(nodeOf(scope))
        .related({ type: opts.type, direction: opts.direction === "out" ? "right" : "left" })
        .to(n, { labels: [opts.label] });
      const match = new Cypher.Match(pattern);
      const clause = opts.order ? Cypher.utils.concat(match, new Cypher.With(n).orderBy(...opts.order(n))) : match;
      return { clause, scope: { node: n } };
    },
  });
}

/** Properties of a scope's node or map, as value fields of a row type (`Quantity.unit`, …). */
export function properties(key: string, names: readonly string[]): Record<string, ValueSource> {
  return Object.fromEntries(names.map((name) => [name, value((scope: Scope) => (scope[key] as Cypher.Variable).property(name))]));
}

/**
 * A mention as the `Mention` type reads it (a map: surface, start, end, passageId, entityId) from a
 * curated relationship's provenance: a one-element list, or [] when the quote has no paragraph.
 */
export function quoteOf(rel: Cypher.Variable): Cypher.Expr {
  const mention = new Cypher.Map({
    surface: rel.property("quote"),
    start: rel.property("start"),
    end: rel.property("end"),
    passageId: rel.property("passageId"),
  });
  return new Cypher.Case()
    .when(Cypher.or(Cypher.isNull(rel.property("passageId")), Cypher.isNull(rel.property("quote")))!)
    .then(new Cypher.List([]))
    .else(new Cypher.List([mention]));
}

/*
 * List access with expressions: the builder's listIndex and listRange take numbers only. The one
 * place Cypher is written as text outside the builder's own output, for these two operators.
 */
/** `list[index]`. */
export const listAt = (list: Cypher.Expr, index: Cypher.Expr): Cypher.Expr => new Cypher.Raw((ctx) => `${ctx.compile(list)}[${ctx.compile(index)}]`);
/** `list[0..end]`: the first `end` items. */
export const listUpTo = (list: Cypher.Expr, end: Cypher.Expr): Cypher.Expr => new Cypher.Raw((ctx) => `${ctx.compile(list)}[0..${ctx.compile(end)}]`);

/** A curated link's evidence (`rel` in the scope): its one quote, as a list of at most one mention. */
export const quoteMentions = (): RelationSource => mentionsOf((s) => quoteOf(s.rel as Cypher.Relationship), { most: 1 });

/** `first`, as a list of evidence takes it: DEFAULT_PAGE_SIZE when absent, at most MAX_PAGE_SIZE. */
export const firstArg: ArgsCheck = (args, config) => ({ first: pageSize(args.first, config) });

/** Mentions from a list of mention maps (`scope.mentions`, or an expression), in their order, at most `first` when given. */
export function mentionsOf(list: (scope: Scope) => Cypher.Expr, opts: { first?: boolean; most?: number } = {}): RelationSource {
  return relation({
    args: opts.first ? firstArg : undefined,
    most: opts.most,
    rows: (scope, params) => {
      const mention = new Cypher.Variable();
      const unwind = new Cypher.Unwind([list(scope), mention]);
      const clause = opts.first ? Cypher.utils.concat(unwind, new Cypher.With(mention).limit(params.first!)) : unwind;
      return { clause, scope: { mention } };
    },
  });
}
