/**
 * What an analyst's client asks, three ways: our API, @neo4j/graphql (one compiled Cypher query per
 * request), and one hand-written Cypher query (the floor). Each returns the same rows.
 */
export interface Scenario {
  name: string;
  ours: string;
  neo4jGraphql: string;
  cypher: string;
}

export const scenarios: Scenario[] = [
  {
    name: "speakers → affiliations → programs",
    ours: `{ speakers(first: 20) { edges { node { id name affiliations { id name programs { role program { id name } } } } } } }`,
    neo4jGraphql: `{ people(where: { spokeAt: { some: { id: { eq: "event:zhusan-2021-01-08" } } } }, sort: [{ name: ASC }], limit: 20) {
        id name affiliations { id name runs { id name } supports { id name } funds { id name } partnersIn { id name } } } }`,
    cypher: `MATCH (p:Person)-[:SPOKE_AT]->(:Event)
      WITH DISTINCT p ORDER BY p.name, p.id LIMIT 20
      RETURN p.id AS id, p.name AS name, COLLECT {
        MATCH (p)-[:AFFILIATED_WITH]->(o:Organisation)
        RETURN o { .id, .name, programs: COLLECT {
          MATCH (o)-[r:RUNS|SUPPORTS|FUNDS|PARTNERS_IN]->(g:Program) RETURN { role: type(r), program: g { .id, .name } } } }
      } AS affiliations`,
  },
  {
    name: "50 claims with speaker, figures, subjects",
    ours: `{ claims(first: 50) { edges { node { id text speaker { name } quantities { value unit qualifier } about { id } } } } }`,
    neo4jGraphql: `{ claims(sort: [{ start: ASC }], limit: 50) { id text speaker { name } quantities { value unit qualifier }
        about { ... on Person { id } ... on Organisation { id } ... on Country { id } ... on Program { id } } } }`,
    cypher: `MATCH (c:Claim) WITH c ORDER BY c.start, c.id LIMIT 50
      RETURN c.id AS id, c.text AS text,
        [(s:Person)-[:MADE]->(c) | s.name][0] AS speaker,
        [(c)-[:HAS_QUANTITY]->(q) | q { .value, .unit, .qualifier }] AS quantities,
        [(c)-[:ABOUT]->(x) | x.id] AS about`,
  },
  {
    name: "one organisation, shallow",
    ours: `{ organisation(id: "org:unicef") { id name acronym kind } }`,
    neo4jGraphql: `{ organisations(where: { id: { eq: "org:unicef" } }) { id name } }`,
    cypher: `MATCH (o:Entity {id: "org:unicef"}) RETURN o.id AS id, o.name AS name, o.acronym AS acronym, o.kind AS kind`,
  },
];
