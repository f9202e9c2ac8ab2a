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

@ObjectType({ description: "A node of a graph view, ready for Cytoscape.js, Sigma or D3." })
export class GraphNode {
  @Field(() => ID, { description: "The node's id (the same as `node(id:)` takes)." })
  id!: string;

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

  @Field(() => GraphLayoutHint, { nullable: true, description: "A suggested position (see GraphLayoutHint); set on every node of `neighbourhood` and `shortestPath`." })
  layout!: GraphLayoutHint | null;
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
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field(() => Boolean, { description: "True when the view was cut at its limit (or, for shortestPath, a path exists but is longer than maxLength)." })
  truncated!: boolean;
}
