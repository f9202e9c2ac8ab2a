import Cypher from "@neo4j/cypher-builder";
import { FULLTEXT_INDEX, Label, NAME_INDEX, RelType } from "../../graph/model.js";
import { nodeOf, object, relation, value, type Params, type Rows, type Scope, type Sources } from "../../data/source.js";
import { listAt } from "../../data/patterns.js";
import { entityTypeOf } from "../common/entity-type.js";
import { searchArgs } from "./search.args.js";
import { snippetFor } from "./snippet.js";

/** The node has one of the `$labels` (null: every type). */
const ofLabels = (node: Cypher.Node, labels: Cypher.Param): Cypher.Predicate => {
  const label = new Cypher.Variable();
  return Cypher.or(Cypher.isNull(labels), Cypher.any(label, Cypher.labels(node), Cypher.in(label, labels)))!;
};

/**
 * The search's hits, one row each, best first (parameters: see searchArgs). The full-text hits
 * (only `$labels`, only `$speakerId`'s passages and claims when given), best first; then the
 * entities named by the search, found by one term lookup in NAME_INDEX. What the user named comes
 * first, whatever the index scores it (claims repeat a name more often), with the best hit's
 * score; the other hits follow, without repeats, at most `$limit` in all. Each row binds the hit's
 * node and score; nothing else of the node is read here: the fields selected are read from it.
 */
function searchRows(params: Params): Rows {
  const { lucene, name, labels, limit, speakerId } = params as Required<Params>;
  const text = new Cypher.Variable();
  const found = new Cypher.Node();
  const foundScore = new Cypher.Variable();
  const hits = new Cypher.Variable();
  const top = new Cypher.Variable();
  const fullText = Cypher.utils.concat(
    new Cypher.With([lucene, text]).where(Cypher.isNotNull(text)),
    Cypher.db.index.fulltext
      .queryNodes(FULLTEXT_INDEX, text)
      .yield(["node", found], ["score", foundScore])
      .where(
        Cypher.and(
          ofLabels(found, labels),
          Cypher.or(Cypher.isNull(speakerId), Cypher.and(Cypher.or(found.hasLabel(Label.Passage), found.hasLabel(Label.Claim)), Cypher.eq(found.property("speakerId"), speakerId))),
        ),
      ),
    new Cypher.With(found, foundScore).orderBy([foundScore, "DESC"], found.property("id")).limit(limit),
    new Cypher.With([Cypher.collect(new Cypher.Map({ node: found, score: foundScore })), hits], [Cypher.max(foundScore), top]),
  );

  const term = new Cypher.Variable();
  const entity = new Cypher.Node();
  const named = new Cypher.Variable();
  const byName = new Cypher.Call(
    Cypher.utils.concat(
      new Cypher.With([name, term]).where(Cypher.isNotNull(term)),
      Cypher.db.index.fulltext.queryNodes(NAME_INDEX, term).yield(["node", entity]).where(ofLabels(entity, labels)),
      new Cypher.With(entity).orderBy(entity.property("id")).limit(limit),
      new Cypher.Return([Cypher.collect(entity), named]),
    ),
    [],
  );

  const n = new Cypher.Variable();
  const h = new Cypher.Variable();
  const ranked = new Cypher.Variable();
  const rank = new Cypher.Variable();
  const hit = new Cypher.Variable();
  const node = new Cypher.Node();
  const score = new Cypher.Variable();
  const clause = Cypher.utils.concat(
    fullText,
    byName,
    new Cypher.With([
      Cypher.plus(
        new Cypher.ListComprehension(n).in(named).map(new Cypher.Map({ node: n, score: Cypher.coalesce(top, Cypher.toFloat(new Cypher.Literal(0))) })),
        new Cypher.ListComprehension(h).in(hits).where(Cypher.not(Cypher.in(h.property("node"), named))),
      ),
      ranked,
    ]),
    new Cypher.Unwind([Cypher.range(new Cypher.Literal(0), Cypher.minus(Cypher.size(ranked), new Cypher.Literal(1))), rank]),
    new Cypher.With(rank, [listAt(ranked, rank), hit]).where(Cypher.lt(rank, limit)),
    new Cypher.With([hit.property("node"), node], [hit.property("score"), score]).orderBy(rank),
  );
  return { clause, scope: { node, score, terms: params.terms! } };
}

/** The id of the document a hit stands in: a passage's, a claim's passage's, an event's; null for entities. */
function documentIdOf(node: Cypher.Node): Cypher.Expr {
  const firstId = (pattern: (d: Cypher.Node) => Cypher.Pattern) => {
    const d = new Cypher.Node();
    return Cypher.head(new Cypher.PatternComprehension(pattern(d)).map(d.property("id")));
  };
  return new Cypher.Case()
    .when(node.hasLabel(Label.Document))
    .then(node.property("id"))
    .when(node.hasLabel(Label.Passage))
    .then(firstId((d) => new Cypher.Pattern(node).related({ type: RelType.PART_OF }).to(d, { labels: [Label.Document] })))
    .when(node.hasLabel(Label.Claim))
    .then(
      firstId((d) =>
        new Cypher.Pattern(node)
          .related({ type: RelType.SUPPORTED_BY })
          .to(new Cypher.Node(), { labels: [Label.Passage] })
          .related({ type: RelType.PART_OF })
          .to(d, { labels: [Label.Document] }),
      ),
    )
    .when(node.hasLabel(Label.Event))
    .then(firstId((d) => new Cypher.Pattern(node).related({ type: RelType.DOCUMENTED_BY }).to(d, { labels: [Label.Document] })));
}

/** What a snippet is taken from (snippet.ts): the node's visible text fields. */
const SNIPPET_FIELDS = ["text", "description", "name", "title", "acronym", "aliases", "demonyms"] as const;

/**
 * How `search` and its hits are read (see data/source.ts): one query, whose hits are rows binding
 * `{ node, score }`; each field of a hit is read only when selected: the node's selected fields,
 * its document, and for `snippet` only the node's text fields (the snippet itself is cut in
 * snippet.ts, with the search's terms).
 */
export const searchRelations: Sources = {
  Query: {
    search: relation({ args: searchArgs, rows: (_scope, params) => searchRows(params) }),
  },
  SearchHit: {
    node: object((scope) => ({ node: scope.node! })),
    // The node's labels, read once, named as EntityType names them (a CASE would test each label in turn).
    type: value(
      (scope) => Cypher.labels(nodeOf(scope)),
      undefined,
      () => (labels: string[]) => entityTypeOf(labels),
    ),
    score: value((scope) => scope.score!),
    snippet: value(
      (scope) => new Cypher.Map(Object.fromEntries(SNIPPET_FIELDS.map((field) => [field, nodeOf(scope).property(field)]))),
      undefined,
      (scope: Scope) => {
        const terms = (scope.terms as Cypher.NamedParam).id;
        return (raw, values) => snippetFor(raw, values[terms] as string[]);
      },
    ),
    document: relation({
      one: true,
      rows: (scope) => {
        const document = new Cypher.Node();
        const id = documentIdOf(nodeOf(scope));
        return { clause: new Cypher.Match(new Cypher.Pattern(document, { labels: [Label.Document], properties: { id } })), scope: { node: document } };
      },
    }),
  },
};
