import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Health } from "./health.type.js";
import { graphCounts } from "./health.repository.js";

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: "Reads the graph's size from Neo4j; fails with SERVICE_UNAVAILABLE when it is down." })
  async health(@Ctx() ctx: Context): Promise<Health> {
    const counts = await graphCounts(ctx.db);
    return { neo4j: true, nodeCount: counts.nodes, relationshipCount: counts.relationships };
  }
}
