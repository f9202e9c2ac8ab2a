import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { HealthResolver } from "../modules/health/health.resolver.js";

/** Every resolver of the API; the schema is built from their decorators. */
export const resolvers = [HealthResolver] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...resolvers], validate: true });
}
