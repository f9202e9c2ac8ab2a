import { ObjectType } from "type-graphql";

@ObjectType({ description: "Whether the service can read its graph, and how big the graph is." })
export class Health {
  /** The one counts query of this request, shared by the fields (health.resolver). */
  counts!: Promise<{ nodes: number; relationships: number }>;
}
