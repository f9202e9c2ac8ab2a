import { Field, ID, ObjectType } from "type-graphql";
import { EntityType } from "../common/entity-type.js";

@ObjectType({ description: "A node of a graph view, ready for Cytoscape.js, Sigma or D3." })
export class GraphNode {
  @Field(() => ID, { description: "The node's id (the same as `node(id:)` takes)." })
  id!: string;

  @Field(() => EntityType)
  type!: EntityType;

  @Field(() => String, { description: "What to draw: the name, or the start of the text for claims and passages." })
  label!: string;
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
