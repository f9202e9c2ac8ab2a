import { Field, Float, ID, ObjectType } from "type-graphql";
import { JSONObject, type JsonObject } from "../../shared/json.scalar.js";
import { EntityType } from "../common/entity-type.js";
import { Mention } from "../passage/mention.type.js";

@ObjectType({
  description:
    "Where to draw a node, the same for every client: concentric rings around the view's root (at 0, 0) by distance in hops, " +
    "ring k at least 160 px outside ring k-1 and wide enough for 70 px between nodes; on each ring nodes go clockwise from the top " +
    "by id (beyond the first ring, next to their parent); a path is a straight line left to right. Pixels at zoom 1, y downwards.",
})
export class GraphLayoutHint {
  @Field(() => Float)
  x!: number;

  @Field(() => Float)
  y!: number;
}

/** Why view-dependent fields moved off GraphNode (shown in the schema as the deprecation reason). */
const VIEW_DEPENDENT =
  "Depends on the view (its root), but GraphNode has an `id`, so normalised caches (Apollo Client, urql Graphcache) keep one " +
  "GraphNode per id for all views and the last view overwrites the others. Use GraphView.viewNodes, which has no `id`.";

@ObjectType({
  description:
    "A node of a graph view, ready for Cytoscape.js, Sigma or D3. Its `id` is the entity's, so normalised caches store one " +
    "GraphNode per entity, shared by every view: it carries only what does not depend on the view. Positions and properties are on " +
    "GraphView.viewNodes.",
})
export class GraphNode {
  @Field(() => ID, { description: "The node's id (the same as `node(id:)` takes)." })
  id!: string;

  @Field(() => EntityType)
  type!: EntityType;

  @Field(() => String, { description: "What to draw: the name, or the start of the text for claims and passages." })
  label!: string;

  @Field(() => JSONObject, {
    deprecationReason: VIEW_DEPENDENT,
    description: "The node's stored properties as in GraphViewNode.properties (a paragraph's text only when it is the view's root).",
  })
  properties!: JsonObject;

  @Field(() => GraphLayoutHint, { nullable: true, deprecationReason: VIEW_DEPENDENT, description: "The node's position in this view, as GraphViewNode.layout." })
  layout!: GraphLayoutHint | null;
}

@ObjectType({
  description:
    "A node as drawn in one view: where it goes and what it shows there. It has a `key`, not an `id`, on purpose: normalised " +
    "caches key objects by `id`, and a node's position and properties differ from view to view, so each view keeps its own " +
    "copy inside the view (which a cache stores under the query and its arguments).",
})
export class GraphViewNode {
  @Field(() => ID, { description: "The node's entity id (the same as `node(id:)` takes and edges' `source` and `target` name)." })
  key!: string;

  @Field(() => EntityType)
  type!: EntityType;

  @Field(() => String, { description: "What to draw: the name, or the start of the text for claims and passages." })
  label!: string;

  @Field(() => JSONObject, {
    description:
      "The node's stored properties, as a visualisation may show or style them: name, acronym, kind, title, isoCode, date, aliases, " +
      "a claim's text with its start, end and passageId, … Index fields are left out, and so is long text: a document's, and a " +
      "paragraph's unless it is the view's root (its `label` has the start).",
  })
  properties!: JsonObject;

  @Field(() => GraphLayoutHint, { description: "Where to draw the node in this view (see GraphLayoutHint)." })
  layout!: GraphLayoutHint;
}

@ObjectType({ description: "A relationship of a graph view; `source` and `target` follow its direction in the graph." })
export class GraphEdge {
  @Field(() => ID, { description: "The relationship's stable id." })
  id!: string;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => String, { description: "Relationship type: RUNS, PARTNERS_IN, AFFILIATED_WITH, ABOUT, …" })
  type!: string;

  @Field(() => JSONObject, {
    description:
      "The relationship's stored properties: its provenance (`quote`, `start`, `end`, `passageId`) and attributes such as `role` " +
      "(SPOKE_AT, HOSTED) or `title` (AFFILIATED_WITH); `surface` for MENTIONS. Empty for MADE, ABOUT, SAID, DOCUMENTED_BY and a paragraph's PART_OF.",
  })
  properties!: JsonObject;

  @Field(() => [Mention], {
    description:
      "The words of the document behind this link, with their paragraph: the relationship's `quote` (for MENTIONS, its `surface`) as a Mention. " +
      "MADE, ABOUT and SUPPORTED_BY carry no quote of their own; their evidence is the claim's text. Empty when there is no " +
      "quote (SAID, DOCUMENTED_BY, a paragraph's PART_OF) or the quote spans paragraphs.",
  })
  evidence!: Mention[];
}

@ObjectType({ description: "A bounded subgraph: nodes, the relationships between them, and whether anything was left out." })
export class GraphView {
  @Field(() => [GraphNode], { description: "The view's nodes, by entity id; positions and properties are on `viewNodes`." })
  nodes!: GraphNode[];

  @Field(() => [GraphViewNode], {
    description: "The same nodes in the same order, as drawn in this view: `key`, `type`, `label`, `properties` and `layout`. Safe in normalised caches.",
  })
  viewNodes!: GraphViewNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field(() => Boolean, { description: "True when the view was cut at its limit (or, for shortestPath, a path exists but is longer than maxLength)." })
  truncated!: boolean;
}
