import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * The number of database round trips depends on the shape of the query, not on the number of rows:
 * every related field goes through a per-request DataLoader (one UNWIND query per batch).
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

  it("reads all speakers' referenced organisations with evidence in 3 round trips, as for one speaker", async () => {
    const one = await roundTrips(REFERENCES, 1);
    const all = await roundTrips(REFERENCES, 50);
    expect(one.speakers).toBe(1);
    expect(all.speakers).toBeGreaterThanOrEqual(7);
    // speakers page, referencedOrganisations batch, passages of the evidence batch.
    expect(all.trips).toBe(3);
    expect(one.trips).toBe(all.trips);
    const references = all.data.speakers.edges.flatMap((e: any) => e.node.referencedOrganisations);
    expect(references.length).toBeGreaterThan(all.trips * 3);
  });

  it("keeps a deeper query's round trips independent of the number of speakers", async () => {
    const one = await roundTrips(DEEP, 1);
    const all = await roundTrips(DEEP, 50);
    expect(all.trips).toBe(one.trips);
    // One per list field in the query: speakers, affiliations, parent, country, referenced
    // organisations, evidence passages, their speakers, referenced countries, their programs,
    // claims page, claims count, quantities, about, claim passages.
    expect(all.trips).toBe(14);
  });
});
