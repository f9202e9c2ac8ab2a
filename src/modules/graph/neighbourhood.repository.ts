import Cypher from "@neo4j/cypher-builder";
import neo4j from "neo4j-driver";
import type { RequestDb } from "../../db/request-db.js";
import { LABEL_TEXT_READ } from "../../graph/label.js";
import { INTERNAL_PROPERTIES, Label } from "../../graph/model.js";
import { plain } from "../../shared/neo4j-values.js";
import { listUpTo, types as either } from "../../data/patterns.js";

/**
 * The one breadth-first neighbourhood read: the `neighbourhood` view and neighbourhood exports
 * both come from here, so they cannot drift apart. What is drawn (labels and relationship types
 * from the graph model's constants, never from input) is written into the patterns; values are
 * parameters.
 */

/** What is drawn: node labels and relationship types. */
interface Drawn {
  labels: readonly string[];
  types: readonly string[];
}

/**
 * Which stored properties the read returns. Without node properties a node comes with only what
 * its label is made of (`id`, `name`, `title` and the start of `text`, as src/graph/label.ts reads
 * them); without relationship properties a relationship comes with only its `id`. Reading fewer
 * properties is most of what a view that draws ids, types and labels can save.
 */
export interface Projection {
  nodeProperties: boolean;
  edgeProperties: boolean;
}

/** Every property (exports, and views that show properties). */
export const EVERY_PROPERTY: Projection = { nodeProperties: true, edgeProperties: true };

/** The stored properties a node's label is made of (besides `text`, of which only the start is read). */
const LABEL_PROPERTIES = ["id", "name", "title"];

const param = {
  id: new Cypher.NamedParam("id"),
  depth: new Cypher.NamedParam("depth"),
  /** Most nodes kept, the root included. */
  limit: new Cypher.NamedParam("limit"),
  /** limit + 1: one more than kept, to know whether the view was cut. */
  cap: new Cypher.NamedParam("cap"),
  edgeCap: new Cypher.NamedParam("edgeCap"),
};


/** A boolean column as a predicate (the builder takes only predicates where a condition goes). */
const isTrue = (flag: Cypher.Variable): Cypher.Predicate => Cypher.eq(flag, Cypher.true);

/** Within a level, entities before claims: a hub has many claims about it, and a cut view should still show who and what it links. */
const entitiesFirst = (n: Cypher.Node): Cypher.Expr[] => [
  new Cypher.Case().when(n.hasLabel(Label.Claim)).then(new Cypher.Literal(1)).else(new Cypher.Literal(0)),
  n.property("id"),
];

/** The search after a level: every node found, nearest first, and the level's own (to expand next). */
interface Search {
  seen: Cypher.Variable;
  frontier: Cypher.Variable;
}

/**
 * Level `depth` of the search as a `CALL` subquery over `scope`: the distinct nodes `rows` yields
 * as `n`, entities first, at most $cap, collected. The `WITH` after it adds the ones that still fit
 * under $cap to the nodes seen (`before`) and makes them the frontier.
 */
function level(depth: number, scope: Cypher.Variable[], rows: Cypher.Clause, n: Cypher.Node, before: Cypher.Expr, keep: Cypher.Variable[]): [Cypher.Clause[], Search] {
  const next = new Cypher.NamedVariable(`next${depth}`);
  const call = new Cypher.Call(
    Cypher.utils.concat(
      rows,
      new Cypher.With(n).distinct().orderBy(...entitiesFirst(n)).limit(param.cap),
      new Cypher.Return([Cypher.collect(n), next]),
    ),
    scope,
  );
  const added = listUpTo(next, Cypher.minus(param.cap, Cypher.size(before)));
  const search = { seen: new Cypher.NamedVariable(`seen${depth}`), frontier: new Cypher.NamedVariable(`frontier${depth}`) };
  return [[call, new Cypher.With(...keep, [Cypher.plus(before, added), search.seen], [added, search.frontier])], search];
}

/** `(from)-[:drawn types]-(to:drawn labels)`, either way round. */
const drawnLink = (from: Cypher.Node, to: Cypher.Node, drawn: Drawn) =>
  new Cypher.Pattern(from).related({ type: either(...drawn.types), direction: "undirected" }).to(to, { labels: either(...drawn.labels) });

/**
 * Levels 2 and 3: unseen drawn nodes next to the frontier. Skipped when $cap nodes are already
 * seen (a hub's first level often fills the view): its nodes would all be cut, and expanding the
 * frontier is what costs.
 */
function deeper(depth: number, search: Search, drawn: Drawn, keep: Cypher.Variable[]): [Cypher.Clause[], Search] {
  const f = new Cypher.NamedNode("f");
  const n = new Cypher.NamedNode("n");
  const frontier = new Cypher.Case()
    .when(Cypher.and(Cypher.gte(param.depth, new Cypher.Literal(depth)), Cypher.lt(Cypher.size(search.seen), param.cap))!)
    .then(search.frontier)
    .else(new Cypher.List([]));
  const rows = new Cypher.Unwind([frontier, f]).match(drawnLink(f, n, drawn)).where(Cypher.not(Cypher.in(n, search.seen)));
  return level(depth, [search.seen, search.frontier], rows, n, search.seen, keep);
}

/**
 * The drawn relationships between `nodes`, and for a root that is not drawn its own links of any
 * kind, by id, at most $edgeCap.
 */
function relationships(root: Cypher.Node, outside: Cypher.Variable, nodes: Cypher.Variable, drawn: Drawn, rels: Cypher.Variable): Cypher.Clause {
  const a = new Cypher.NamedNode("a");
  const b = new Cypher.NamedNode("b");
  const r = new Cypher.NamedRelationship("r");
  const drawnLinks = new Cypher.Unwind([nodes, a])
    .match(new Cypher.Pattern(a).related(r, { type: either(...drawn.types), direction: "right" }).to(b))
    .where(Cypher.in(b, nodes))
    .return(r);
  const rootLinks = new Cypher.Unwind([new Cypher.Case().when(isTrue(outside)).then(nodes).else(new Cypher.List([])), a])
    .match(new Cypher.Pattern(a).related(r, { direction: "right" }).to(b))
    .where(Cypher.and(Cypher.in(b, nodes), Cypher.or(Cypher.eq(a, root), Cypher.eq(b, root))))
    .return(r);
  const scope = [root, outside, nodes];
  return new Cypher.Call(
    Cypher.utils.concat(
      new Cypher.Call(new Cypher.Union(drawnLinks, rootLinks), scope),
      new Cypher.With(r).distinct().orderBy(r.property("id"), Cypher.elementId(r)).limit(param.edgeCap),
      new Cypher.Return([Cypher.collect(r), rels]),
    ),
    scope,
  );
}

/**
 * Nodes within $depth (1..3) hops of the root, nearest first, at most $cap = limit + 1 (one more
 * than kept, to know whether it was cut), and the relationships between them (at most $edgeCap).
 * A root that is not drawn itself (a passage or document in a view) shows its direct links of any
 * kind; `outside` says so. The drawn relationship types and labels are written into the patterns,
 * so a node's many undrawn links (MENTIONS, SAID) are never expanded.
 *
 * Nodes come with their element ids and properties, without the internal ones (INTERNAL_PROPERTIES)
 * and without a document's text (the whole transcript). Relationships come with their element id,
 * their ends' element ids and all their properties: their ids and ends are read from those (the
 * ends are always among the nodes), which spares reading each end node's `id` again. The
 * projection leaves out the properties a view does not show (see Projection).
 */
export function neighbourhoodQuery(drawn: Drawn, projection: Projection = EVERY_PROPERTY): string {
  const root = new Cypher.NamedNode("root");
  const outside = new Cypher.NamedVariable("outside");
  const keep = [root, outside];

  // Level 1: the root's drawn links to drawn nodes, or, for a root that is not drawn, its links of any kind to entities.
  const n = new Cypher.NamedNode("n");
  const near = new Cypher.Union(
    new Cypher.With("*").where(Cypher.not(isTrue(outside))).match(drawnLink(root, n, drawn)).return(n),
    new Cypher.With("*")
      .where(isTrue(outside))
      .match(new Cypher.Pattern(root).related({ direction: "undirected" }).to(n, { labels: [Label.Entity] }))
      .return(n),
  );
  const [first, one] = level(1, keep, new Cypher.Call(near, keep), n, new Cypher.List([root]), keep);
  const [second, two] = deeper(2, one, drawn, keep);
  const [third, three] = deeper(3, two, drawn, keep);

  const nodes = new Cypher.NamedVariable("nodes");
  const cut = new Cypher.NamedVariable("cut");
  const rels = new Cypher.NamedVariable("rels");
  // Only an undrawn root's links reach a document when documents are not drawn: the label is checked only then.
  const isDocument = drawn.labels.includes(Label.Document) ? n.hasLabel(Label.Document) : Cypher.and(isTrue(outside), n.hasLabel(Label.Document))!;
  const node = nodeValue(n, projection, isDocument);
  const r = new Cypher.NamedRelationship("r");
  const edge = edgeValue(r, projection);

  const query = Cypher.utils.concat(
    new Cypher.Match(new Cypher.Pattern(root, { labels: [Label.Entity], properties: { id: param.id } })),
    new Cypher.With(root, [Cypher.not(root.hasLabel(either(...drawn.labels))), outside]),
    ...first,
    ...second,
    ...third,
    new Cypher.With(...keep, [listUpTo(three.seen, param.limit), nodes], [Cypher.gt(Cypher.size(three.seen), param.limit), cut]),
    relationships(root, outside, nodes, drawn, rels),
    new Cypher.Return(
      [outside, "outside"],
      [new Cypher.ListComprehension(n).in(nodes).map(node), "nodes"],
      [new Cypher.ListComprehension(r).in(rels).map(edge), "edges"],
      [Cypher.or(isTrue(cut), Cypher.gte(Cypher.size(rels), param.edgeCap)), "truncated"],
    ),
  );
  return query.build().cypher;
}

/**
 * A node as views and exports read it: its element id, labels and the properties the projection
 * asks for, without the internal ones (INTERNAL_PROPERTIES) and, where `isDocument` holds, without
 * a document's text (the whole transcript). Decoded by `decodeGraph`.
 */
export function nodeValue(n: Cypher.Node, projection: Projection, isDocument: Cypher.Predicate): Cypher.Map {
  const internal = Object.fromEntries(INTERNAL_PROPERTIES.map((name) => [name, Cypher.Null]));
  return new Cypher.Map({
    element: Cypher.elementId(n),
    labels: Cypher.labels(n),
    props: new Cypher.Case()
      .when(isDocument)
      .then(projection.nodeProperties ? new Cypher.MapProjection(n, "*", { ...internal, text: Cypher.Null }) : new Cypher.MapProjection(n, LABEL_PROPERTIES))
      .else(
        projection.nodeProperties
          ? new Cypher.MapProjection(n, "*", internal)
          : new Cypher.MapProjection(n, LABEL_PROPERTIES, { text: Cypher.left(n.property("text"), new Cypher.Literal(LABEL_TEXT_READ)) }),
      ),
  });
}

/**
 * A relationship as views and exports read it: its element id, type, its ends' element ids (the
 * ends are always among the nodes read with it, so their ids are not read again) and the
 * properties the projection asks for (only `id` without edge properties). Decoded by `decodeGraph`.
 */
export function edgeValue(r: Cypher.Relationship, projection: Projection): Cypher.Map {
  return new Cypher.Map({
    element: Cypher.elementId(r),
    type: Cypher.type(r),
    source: Cypher.elementId(Cypher.startNode(r)),
    target: Cypher.elementId(Cypher.endNode(r)),
    props: projection.edgeProperties ? new Cypher.MapProjection(r, "*") : new Cypher.MapProjection(r, ["id"]),
  });
}

/**
 * One query text per drawn set (the view's, the export's) and projection: built once, so Neo4j's
 * plan cache hits.
 */
const queries = new Map<string, string>();
function queryFor(drawn: Drawn, projection: Projection): string {
  const key = `${drawn.labels.join("|")}/${drawn.types.join("|")}/${projection.nodeProperties}/${projection.edgeProperties}`;
  let query = queries.get(key);
  if (!query) queries.set(key, (query = neighbourhoodQuery(drawn, projection)));
  return query;
}

export interface NeighbourNode {
  id: string;
  labels: string[];
  /**
   * Stored properties (with `id`), without the left-out ones; without node properties in the
   * projection, only `id`, `name`, `title` and the start of `text` (what a label is made of).
   */
  props: Record<string, unknown>;
}
export interface NeighbourEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  /** Stored properties without `id` (it is the edge's id); empty without edge properties in the projection. */
  props: Record<string, unknown>;
}
export interface Neighbourhood {
  /** The root is not of a drawn kind: its direct links of any kind were followed instead. */
  outside: boolean;
  nodes: NeighbourNode[];
  edges: NeighbourEdge[];
  /** Cut at `limit` nodes or `edgeLimit` edges. */
  truncated: boolean;
}

export interface NeighbourhoodQuery {
  id: string;
  depth: number;
  /** Most nodes kept, the root included. */
  limit: number;
  /** Most relationships kept. */
  edgeLimit: number;
  labels: readonly string[];
  types: readonly string[];
  /** Which properties to read; every one when not given. */
  projection?: Projection;
}

const withoutNulls = (props: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(plain(props) as Record<string, unknown>).filter(([, v]) => v !== null));

/** The neighbourhood of a node in one read query; null when no node has the id. */
export async function readNeighbourhood(db: RequestDb, q: NeighbourhoodQuery): Promise<Neighbourhood | null> {
  const result = await db.read(queryFor(q, q.projection ?? EVERY_PROPERTY), {
    id: q.id,
    depth: neo4j.int(q.depth),
    limit: neo4j.int(q.limit),
    cap: neo4j.int(q.limit + 1),
    edgeCap: neo4j.int(q.edgeLimit),
  });
  const record = result.records[0];
  if (!record) return null;
  return { outside: record.get("outside") as boolean, ...decodeGraph(record.get("nodes"), record.get("edges")), truncated: record.get("truncated") as boolean };
}

/**
 * Nodes and relationships read with `nodeValue` and `edgeValue`: ids from their properties (a
 * relationship without one keeps its element id), relationship ends from the nodes' element ids.
 */
export function decodeGraph(rawNodes: unknown, rawEdges: unknown): { nodes: NeighbourNode[]; edges: NeighbourEdge[] } {
  const ids = new Map<string, string>();
  const nodes = (rawNodes as Array<{ element: string; labels: string[]; props: Record<string, unknown> }>).map((n) => {
    const props = withoutNulls(n.props);
    ids.set(n.element, String(props.id));
    return { id: String(props.id), labels: n.labels, props };
  });
  const edges = (rawEdges as Array<{ element: string; type: string; source: string; target: string; props: Record<string, unknown> }>).map(
    (e): NeighbourEdge => {
      const { id, ...props } = withoutNulls(e.props);
      return { id: (id as string | undefined) ?? e.element, type: e.type, source: ids.get(e.source)!, target: ids.get(e.target)!, props };
    },
  );
  return { nodes, edges };
}
