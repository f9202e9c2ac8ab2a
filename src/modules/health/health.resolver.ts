import { Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Health } from "./health.type.js";
import { graphCounts } from "./health.repository.js";

/** The health check answers within this long, whatever Neo4j does. */
const HEALTH_DEADLINE_MS = 1_000;

@Resolver(() => Health)
export class HealthResolver {
  @Query(() => Health, {
    description:
      "Whether Neo4j answers, and the graph's size, within a second. When Neo4j does not answer, `neo4j` is false and the counts fail with SERVICE_UNAVAILABLE.",
  })
  health(@Ctx() ctx: Context): Health {
    // One query for all three fields, asked once; `neo4j` is whether it answered in time.
    const counts = graphCounts(ctx.db, HEALTH_DEADLINE_MS);
    counts.catch(() => {});
    return Object.assign(new Health(), { counts });
  }

  @FieldResolver(() => Boolean, { description: "Neo4j answered this request within a second." })
  neo4j(@Root() health: Health): Promise<boolean> {
    return health.counts.then(
      () => true,
      () => false,
    );
  }

  @FieldResolver(() => Int, { description: "Nodes in the graph." })
  async nodeCount(@Root() health: Health): Promise<number> {
    return (await health.counts).nodes;
  }

  @FieldResolver(() => Int, { description: "Relationships in the graph." })
  async relationshipCount(@Root() health: Health): Promise<number> {
    return (await health.counts).relationships;
  }
}
