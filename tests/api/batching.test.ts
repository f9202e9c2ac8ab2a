import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * The number of database round trips depends on the shape of the query, never on the number of
 * rows: with the planner, each root field's whole selection is one query at any depth; on the
 * plain path (READ_PLANNER=off) every relation goes through a per-request DataLoader, one
 * `UNWIND` query per level, whatever the number of parents.
 */
describe("batching", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const REFERENCES = `query ($first: Int) {
    speakers(first: $first) { edges { node { id
      referencedOrganisations { organisation { id name } mentionCount evidence(first: 5) { surface passage { id text } } }
    } } }
  }`;

  const DEEP = `query ($first: Int) {
    speakers(first: $first) { edges { node { id name
      affiliations { id parent { id } country { id } }
      referencedOrganisations { organisation { id } evidence(first: 3) { surface passage { id speaker { id } } } }
      referencedCountries { country { id programs { role program { id } } } mentionCount }
      claims(first: 5) { totalCount edges { node { id quantities { value qualifier } about { id } passage { id } } } }
    } } }
  }`;

  async function roundTrips(query: string, first: number) {
    const res = await server.gql(query, { first });
    expect(res.body.errors).toBeUndefined();
    return { trips: server.dbQueries(res), speakers: res.body.data.speakers.edges.length, data: res.body.data };
  }

  it("reads all speakers' referenced organisations with evidence in 1 round trip, as for one speaker", async () => {
    const one = await roundTrips(REFERENCES, 1);
    const all = await roundTrips(REFERENCES, 50);
    expect(one.speakers).toBe(1);
    expect(all.speakers).toBeGreaterThanOrEqual(7);
    // The speakers page with their referenced organisations, evidence and its passages: one query.
    expect(all.trips).toBe(1);
    expect(one.trips).toBe(all.trips);
    const references = all.data.speakers.edges.flatMap((e: any) => e.node.referencedOrganisations);
    expect(references.length).toBeGreaterThan(all.trips * 3);
  });

  it("keeps a deeper query's round trips independent of the number of speakers", async () => {
    const one = await roundTrips(DEEP, 1);
    const all = await roundTrips(DEEP, 50);
    expect(all.trips).toBe(one.trips);
    // Affiliations with their parent and country, references with evidence, passages and
    // speakers, countries' programs, a page of claims with its count: all in the one query.
    expect(all.trips).toBe(1);
  });

  it("reads level by level on the plain path: one query per level, whatever the number of speakers", async () => {
    const plain = await startTestServer({ READ_PLANNER: "off" });
    try {
      const trips = async (first: number) => {
        const res = await plain.gql(DEEP, { first });
        expect(res.body.errors).toBeUndefined();
        return plain.dbQueries(res);
      };
      const one = await trips(1);
      expect(await trips(50)).toBe(one);
      expect(one).toBeGreaterThan(1);
    } finally {
      await plain.close();
    }
  });

  const CLAIMS = `query ($first: Int) {
    claims(first: $first) { edges { node { id text speaker { id name } quantities { value unit qualifier surface start end } about { id __typename } passage { id start } } } }
  }`;

  it("reads claims with speaker, figures, subjects and passage in 1 round trip, the same values as through the loaders", async () => {
    const prefetched = await server.gql(CLAIMS, { first: 50 });
    expect(prefetched.body.errors).toBeUndefined();
    expect(server.dbQueries(prefetched)).toBe(1);
    const claims = prefetched.body.data.claims.edges.map((e: any) => e.node);
    expect(claims).toHaveLength(50);
    // The same fields read claim by claim (node(id:) does not prefetch through the Node interface).
    const fragment = "... on Claim { id text speaker { id name } quantities { value unit qualifier surface start end } about { id __typename } passage { id start } }";
    const plain = await server.gql(`{ ${claims.map((c: any, i: number) => `c${i}: node(id: "${c.id}") { ${fragment} }`).slice(0, 25).join(" ")} }`);
    expect(plain.body.errors).toBeUndefined();
    expect(Object.values(plain.body.data)).toEqual(claims.slice(0, 25));
    expect(claims.some((c: any) => c.quantities.length > 1)).toBe(true);
    expect(claims.some((c: any) => c.about.length > 1)).toBe(true);
  });

  it("reads speakers → affiliations → programs in 1 round trip, the same values as level by level", async () => {
    const query = `{ speakers(first: 20) { edges { node { id name affiliations { id name programs { role program { id name } evidence { start } } } } } } }`;
    const prefetched = await server.gql(query);
    expect(prefetched.body.errors).toBeUndefined();
    expect(server.dbQueries(prefetched)).toBe(1);
    // Level by level: each person, then each organisation, on its own.
    const speakers = prefetched.body.data.speakers.edges.map((e: any) => e.node);
    for (const speaker of speakers) {
      const person = await server.gql(`query ($id: ID!) { person(id: $id) { id name } }`, { id: speaker.id });
      const affiliations = [];
      for (const org of speaker.affiliations) {
        const res = await server.gql(`query ($id: ID!) { organisation(id: $id) { id name } }`, { id: org.id });
        const programs = await server.gql(`query ($id: ID!) { node(id: $id) { ... on Organisation { programs { role program { id name } evidence { start } } } } }`, { id: org.id });
        affiliations.push({ ...res.body.data.organisation, ...programs.body.data.node });
      }
      expect({ ...person.body.data.person, affiliations }).toEqual(speaker);
    }
    expect(speakers.flatMap((s: any) => s.affiliations).length).toBeGreaterThanOrEqual(speakers.length);
  });
});
