/**
 * What an analyst's client asks, three ways: this API, @neo4j/graphql (the peer: one compiled
 * Cypher query per request), and one hand-written Cypher query in a read transaction (the floor).
 *
 * The floor's Cypher returns `data` in the same shape as this API's `data` wherever the two are
 * comparable, so the harness checks, once per run, that ours and the floor answer alike.
 */
export interface Shape {
  /** Short name: the floor's path (`GET /<name>`) and the key in the results. */
  name: string;
  title: string;
  ours: string;
  peer: string;
  floor: string;
  /** The floor's parameters. */
  params: Record<string, unknown>;
  /**
   * How ours and the floor are compared: `exact` (same data), `ids` (the same node ids, in order;
   * the view's derived fields are computed in our resolvers), or `none`.
   */
  compare: "exact" | "ids" | "none";
}

const ROLE_RANK = `CASE type(r) WHEN 'RUNS' THEN 0 WHEN 'SUPPORTS' THEN 1 WHEN 'FUNDS' THEN 2 WHEN 'PARTNERS_IN' THEN 3
  WHEN 'AUTHORIZED' THEN 4 WHEN 'BENEFITS' THEN 5 ELSE 6 END`;
const ROLES = "RUNS|SUPPORTS|FUNDS|PARTNERS_IN|AUTHORIZED|BENEFITS";
const VIEW_LABELS = "Person|Organisation|Country|Region|Program|Event|Claim";
const VIEW_TYPES = `SPOKE_AT|HOSTED|AFFILIATED_WITH|PART_OF|BASED_IN|IN_REGION|IN_COUNTRY|MADE|ABOUT|${ROLES}|OPERATES_IN`;

/** The hub of the neighbourhood shape: the program most of the graph links to. */
export const HUB = "program:operation-zhusan";

export const shapes: Shape[] = [
  {
    name: "organisation",
    title: "organisation by id",
    ours: `{ organisation(id: "org:unicef") { id name acronym kind } }`,
    peer: `{ organisations(where: { id: { eq: "org:unicef" } }) { id name acronym kind } }`,
    floor: `MATCH (o:Organisation {id: $id}) RETURN {organisation: o {.id, .name, .acronym, .kind}} AS data`,
    params: { id: "org:unicef" },
    compare: "exact",
  },
  {
    name: "references",
    title: "a speaker's organisations, counts, evidence(first: 3)",
    ours: `{ person(id: "person:stevan-weine") { id name referencedOrganisations {
        mentionCount organisation { id name } evidence(first: 3) { surface start end passage { id } } } } }`,
    peer: `{ people(where: { id: { eq: "person:stevan-weine" } }) { id name referencedOrganisations {
        mentionCount organisation { id name } evidence { surface start end passageId } } } }`,
    floor: `MATCH (p:Person {id: $id})
      CALL (p) {
        MATCH (p)-[:SAID]->(pa:Passage)-[m:MENTIONS]->(o:Organisation)
        WITH o, m, pa ORDER BY m.start
        WITH o, collect({surface: m.surface, start: m.start, end: m.end, passage: {id: pa.id}}) AS ms
        ORDER BY size(ms) DESC, o.name, o.id
        RETURN collect({mentionCount: size(ms), organisation: o {.id, .name}, evidence: ms[0..3]}) AS refs
      }
      RETURN {person: {id: p.id, name: p.name, referencedOrganisations: refs}} AS data`,
    params: { id: "person:stevan-weine" },
    compare: "exact",
  },
  {
    name: "speakers",
    title: "speakers → affiliations → programs",
    ours: `{ speakers(first: 20) { edges { node { id name affiliations { id name programs { role program { id name } } } } } } }`,
    peer: `{ people(where: { spokeAt: { some: { id: { eq: "event:zhusan-2021-01-08" } } } }, sort: [{ name: ASC }, { id: ASC }], limit: 20) {
        id name affiliations { id name runs { id name } supports { id name } funds { id name } partnersIn { id name }
          authorized { id name } benefits { id name } } } }`,
    floor: `MATCH (p:Person) WHERE p.name >= '' AND p.id IS NOT NULL AND EXISTS { (p)-[:SPOKE_AT]->(:Event) }
      WITH p ORDER BY p.name, p.id LIMIT 20
      CALL (p) {
        MATCH (p)-[:AFFILIATED_WITH]->(o:Organisation)
        WITH o ORDER BY o.name, o.id
        CALL (o) {
          CALL (o) {
            MATCH (o)-[r:${ROLES}]->(g:Program) RETURN r, g
            UNION MATCH (g:Program)-[r:OPERATES_IN]->(o) RETURN r, g
          }
          WITH r, g ORDER BY ${ROLE_RANK}, g.name, g.id
          RETURN collect({role: type(r), program: g {.id, .name}}) AS programs
        }
        RETURN collect({id: o.id, name: o.name, programs: programs}) AS affiliations
      }
      RETURN {speakers: {edges: collect({node: {id: p.id, name: p.name, affiliations: affiliations}})}} AS data`,
    params: {},
    compare: "exact",
  },
  {
    name: "claims",
    title: "50 claims with speaker, quantities, subjects",
    ours: `{ claims(first: 50) { edges { node { id text speaker { name } quantities { value unit qualifier } about { id } } } } }`,
    peer: `{ claims(sort: [{ start: ASC }, { id: ASC }], limit: 50) { id text speaker { name } quantities { value unit qualifier }
        about { ... on Person { id } ... on Organisation { id } ... on Country { id } ... on Region { id } ... on Program { id } ... on Event { id } } } }`,
    floor: `MATCH (c:Claim) WHERE c.start >= 0 AND c.id IS NOT NULL
      WITH c ORDER BY c.start, c.id LIMIT 50
      RETURN {claims: {edges: collect({node: {id: c.id, text: c.text,
        speaker: head(COLLECT { MATCH (s:Person)-[:MADE]->(c) RETURN s {.name} }),
        quantities: COLLECT { MATCH (c)-[:HAS_QUANTITY]->(q:Quantity) WITH q ORDER BY q.ordinal, q.start, q.id
                              RETURN {value: q.value, unit: coalesce(q.unit, ''), qualifier: q.qualifier} },
        about: COLLECT { MATCH (c)-[:ABOUT]->(e:Entity) WITH e ORDER BY e.id RETURN {id: e.id} }}})}} AS data`,
    params: {},
    compare: "exact",
  },
  {
    name: "country",
    title: "country → programs → participants",
    ours: `{ country(id: "country:KZ") { id name programs { role program { id name participants { role participant { id } } } } } }`,
    peer: `{ countries(where: { id: { eq: "country:KZ" } }) { id name
        operatesHere { ...participants } runs { ...participants } supports { ...participants } funds { ...participants }
        partnersIn { ...participants } authorized { ...participants } benefits { ...participants } } }
      fragment who on Participant { ... on Person { id } ... on Organisation { id } ... on Country { id } }
      fragment participants on Program { id name runBy { ...who } supportedBy { ...who } fundedBy { ...who }
        partneredBy { ...who } authorizedBy { ...who } benefiting { ...who }
        operatesIn { ... on Country { id } ... on Region { id } } }`,
    floor: `MATCH (c:Country {id: $id})
      CALL (c) {
        CALL (c) {
          MATCH (c)-[r:${ROLES}]->(g:Program) RETURN r, g
          UNION MATCH (g:Program)-[r:OPERATES_IN]->(c) RETURN r, g
        }
        WITH r, g ORDER BY ${ROLE_RANK}, g.name, g.id
        CALL (g) {
          CALL (g) {
            MATCH (x:Entity)-[r:${ROLES}]->(g) RETURN r, x
            UNION MATCH (g)-[r:OPERATES_IN]->(x:Entity) RETURN r, x
          }
          WITH r, x ORDER BY ${ROLE_RANK}, x.name, x.id
          RETURN collect({role: type(r), participant: {id: x.id}}) AS participants
        }
        RETURN collect({role: type(r), program: {id: g.id, name: g.name, participants: participants}}) AS programs
      }
      RETURN {country: {id: c.id, name: c.name, programs: programs}} AS data`,
    params: { id: "country:KZ" },
    compare: "exact",
  },
  {
    name: "search",
    title: 'search("UNICEF")',
    ours: `{ search(query: "UNICEF") { score type node { id } } }`,
    peer: `{ search(query: "UNICEF") { score id labels } }`,
    floor: `CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node, score
      WITH node, score ORDER BY score DESC, node.id LIMIT 20
      RETURN {search: collect({score: score, node: {id: node.id}})} AS data`,
    params: { q: "UNICEF" },
    compare: "ids",
  },
  {
    name: "neighbourhood",
    title: "neighbourhood(depth: 2) of a hub",
    ours: `{ neighbourhood(id: "${HUB}", depth: 2) { truncated nodes { id type label } edges { id source target type } } }`,
    peer: `{ neighbourhood(id: "${HUB}") { truncated nodes { id labels name } edges { id source target type } } }`,
    floor: neighbourhoodCypher(),
    params: { id: HUB },
    compare: "ids",
  },
];

/**
 * Nodes within two hops of the root over the entity graph, nearest first and entities before
 * claims, at most 50, and the relationships between them (the view `neighbourhood` draws).
 */
export function neighbourhoodCypher(wrap = (view: string) => `{neighbourhood: ${view}} AS data`): string {
  const near = (from: string, not: string) => `
        UNWIND ${from} AS f MATCH (f)-[:${VIEW_TYPES}]-(n:${VIEW_LABELS}) WHERE NOT n IN ${not}
        WITH DISTINCT n ORDER BY CASE WHEN n:Claim THEN 1 ELSE 0 END, n.id LIMIT 51 RETURN collect(n) AS`;
  return `MATCH (root:Entity {id: $id})
      CALL (root) { ${near("[root]", "[root]")} l1 }
      WITH root, [root] + l1[0..50] AS seen
      CALL (seen) { ${near("CASE WHEN size(seen) < 51 THEN seen[1..] ELSE [] END", "seen")} l2 }
      WITH seen + l2[0..(51 - size(seen))] AS found
      WITH found[0..50] AS nodes, size(found) > 50 AS cut
      CALL (nodes) {
        UNWIND nodes AS a MATCH (a)-[r:${VIEW_TYPES}]->(b) WHERE b IN nodes
        WITH DISTINCT r ORDER BY r.id LIMIT 250
        RETURN collect({id: r.id, source: startNode(r).id, target: endNode(r).id, type: type(r)}) AS edges
      }
      RETURN ${wrap("{truncated: cut OR size(edges) >= 250, nodes: [n IN nodes | {id: n.id, labels: labels(n), name: n.name}], edges: edges}")}`;
}
