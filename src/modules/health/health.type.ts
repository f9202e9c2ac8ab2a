import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Whether the service can read its graph, and how big the graph is." })
export class Health {
  @Field(() => Boolean, { description: "Neo4j answered this request." })
  neo4j!: boolean;

  @Field(() => Int, { description: "Nodes in the graph." })
  nodeCount!: number;

  @Field(() => Int, { description: "Relationships in the graph." })
  relationshipCount!: number;
}
