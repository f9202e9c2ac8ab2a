import { Neo4jGraphQL } from "@neo4j/graphql";
import type { Driver } from "neo4j-driver";
import type { GraphQLSchema } from "graphql";

/**
 * The same graph described for @neo4j/graphql, which compiles each GraphQL request into one Cypher
 * query. Only what the benchmark scenarios read is declared.
 */
const typeDefs = /* GraphQL */ `
  type Event @node { id: ID! name: String! }
  type Person @node {
    id: ID!
    name: String!
    spokeAt: [Event!]! @relationship(type: "SPOKE_AT", direction: OUT)
    affiliations: [Organisation!]! @relationship(type: "AFFILIATED_WITH", direction: OUT)
  }
  type Organisation @node {
    id: ID!
    name: String!
    runs: [Program!]! @relationship(type: "RUNS", direction: OUT)
    supports: [Program!]! @relationship(type: "SUPPORTS", direction: OUT)
    funds: [Program!]! @relationship(type: "FUNDS", direction: OUT)
    partnersIn: [Program!]! @relationship(type: "PARTNERS_IN", direction: OUT)
  }
  type Program @node { id: ID! name: String! }
  type Quantity @node { id: ID! value: Float! unit: String! qualifier: String }
  type Country @node { id: ID! name: String! }
  union AboutTarget = Person | Organisation | Country | Program
  type Claim @node {
    id: ID!
    text: String!
    start: Int!
    speaker: [Person!]! @relationship(type: "MADE", direction: IN)
    quantities: [Quantity!]! @relationship(type: "HAS_QUANTITY", direction: OUT)
    about: [AboutTarget!]! @relationship(type: "ABOUT", direction: OUT)
  }
`;

export async function neo4jGraphQLSchema(driver: Driver): Promise<GraphQLSchema> {
  return new Neo4jGraphQL({ typeDefs, driver }).getSchema();
}
