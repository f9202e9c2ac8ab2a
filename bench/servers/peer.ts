import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import { neighbourhoodCypher } from "../shapes.js";

/**
 * The peer: @neo4j/graphql 7 over the same labels and relationship types, behind Apollo Server's
 * own HTTP server. Only what the benchmark's shapes read is declared; computed fields (a speaker's
 * references with counts and evidence, search, the neighbourhood) are `@cypher` fields, as a user
 * of the library would write them.
 *
 *   NEO4J_URI=bolt://… PORT=4001 node dist/bench/servers/peer.js
 */
const ROLES = ["RUNS", "SUPPORTS", "FUNDS", "PARTNERS_IN", "AUTHORIZED", "BENEFITS"] as const;
const participantFields = ["runs", "supports", "funds", "partnersIn", "authorized", "benefits"]
  .map((field, i) => `${field}: [Program!]! @relationship(type: "${ROLES[i]}", direction: OUT)`)
  .join("\n    ");
const programFields = ["runBy", "supportedBy", "fundedBy", "partneredBy", "authorizedBy", "benefiting"]
  .map((field, i) => `${field}: [Participant!]! @relationship(type: "${ROLES[i]}", direction: IN)`)
  .join("\n    ");

const typeDefs = /* GraphQL */ `
  type Event @node { id: ID! name: String! }
  type Person @node {
    id: ID!
    name: String!
    spokeAt: [Event!]! @relationship(type: "SPOKE_AT", direction: OUT)
    affiliations: [Organisation!]! @relationship(type: "AFFILIATED_WITH", direction: OUT)
    ${participantFields}
    referencedOrganisations: [OrganisationReference!]!
      @cypher(
        statement: """
        MATCH (this)-[:SAID]->(pa:Passage)-[m:MENTIONS]->(o:Organisation)
        WITH o, m, pa ORDER BY m.start
        WITH o, collect({surface: m.surface, start: m.start, end: m.end, passageId: pa.id}) AS ms
        ORDER BY size(ms) DESC, o.name, o.id
        RETURN {mentionCount: size(ms), organisation: o {.id, .name}, evidence: ms[0..3]} AS ref
        """
        columnName: "ref"
      )
  }
  type OrganisationReference { mentionCount: Int! organisation: OrganisationRef! evidence: [Evidence!]! }
  type OrganisationRef { id: ID! name: String! }
  type Evidence { surface: String! start: Int! end: Int! passageId: ID! }
  type Organisation @node {
    id: ID!
    name: String!
    acronym: String
    kind: String
    ${participantFields}
  }
  type Program @node {
    id: ID!
    name: String!
    ${programFields}
    operatesIn: [Place!]! @relationship(type: "OPERATES_IN", direction: OUT)
  }
  type Region @node { id: ID! name: String! }
  type Quantity @node { id: ID! value: Float! unit: String qualifier: String }
  type Country @node {
    id: ID!
    name: String!
    ${participantFields}
    operatesHere: [Program!]! @relationship(type: "OPERATES_IN", direction: IN)
  }
  union Participant = Person | Organisation | Country
  union Place = Country | Region
  union AboutTarget = Person | Organisation | Country | Region | Program | Event
  type Claim @node {
    id: ID!
    text: String!
    start: Int!
    speaker: [Person!]! @relationship(type: "MADE", direction: IN)
    quantities: [Quantity!]! @relationship(type: "HAS_QUANTITY", direction: OUT)
    about: [AboutTarget!]! @relationship(type: "ABOUT", direction: OUT)
  }
  type SearchHit { score: Float! id: ID! labels: [String!]! }
  type ViewNode { id: ID! labels: [String!]! name: String }
  type ViewEdge { id: ID! source: ID! target: ID! type: String! }
  type View { truncated: Boolean! nodes: [ViewNode!]! edges: [ViewEdge!]! }
  type Query {
    search(query: String!): [SearchHit!]!
      @cypher(
        statement: """
        CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
        WITH node, score ORDER BY score DESC, node.id LIMIT 20
        RETURN {score: score, id: node.id, labels: labels(node)} AS hit
        """
        columnName: "hit"
      )
    neighbourhood(id: ID!): View!
      @cypher(
        statement: """
        ${neighbourhoodCypher((view) => `${view} AS view`)}
        """
        columnName: "view"
      )
  }
`;

async function main() {
  const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""));
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 4001), host: "127.0.0.1" } });
  console.log(`peer ready at ${url}`);
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
