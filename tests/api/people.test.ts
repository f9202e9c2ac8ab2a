import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** "Which organisations did each speaker reference, with evidence?" against the seeded graph. */
describe("people and what they referenced", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const REFERENCES = `query ($id: ID!) {
    person(id: $id) {
      id name title honorific
      affiliations { id name }
      roles { role event { id } }
      referencedOrganisations {
        organisation { id name acronym }
        mentionCount
        evidence(first: 50) { surface start end passage { id text start end speaker { id } document { id } } }
      }
      referencedCountries { country { id isoCode } mentionCount evidence(first: 2) { surface } }
    }
  }`;

  it("lists Christopher Harnisch's references to ISIS with the words of the document", async () => {
    const res = await server.gql(REFERENCES, { id: "person:christopher-harnisch" });
    expect(res.body.errors).toBeUndefined();
    const person = res.body.data.person;
    expect(person.name).toBe("Christopher Harnisch");
    expect(person.affiliations.map((o: any) => o.id)).toEqual(["org:us-bureau-of-counterterrorism"]);
    expect(person.roles).toEqual([{ role: "speaker", event: { id: "event:zhusan-2021-01-08" } }]);
    const isis = person.referencedOrganisations.find((r: any) => r.organisation.id === "org:isis");
    expect(isis.organisation.acronym).toBe("ISIS");
    expect(isis.mentionCount).toBe(isis.evidence.length);
    expect(isis.evidence.map((m: any) => m.surface)).toContain("ISIS");
    for (const m of isis.evidence) {
      // Offsets point into the passage's paragraph, which Harnisch said.
      expect(m.passage.speaker.id).toBe("person:christopher-harnisch");
      expect(m.passage.text.slice(m.start - m.passage.start, m.end - m.passage.start)).toBe(m.surface);
    }
  });

  it("orders Yerzhan Ashykbayev's references most-mentioned first and includes UNICEF, ICRC and OSCE", async () => {
    const res = await server.gql(REFERENCES, { id: "person:yerzhan-ashykbayev" });
    expect(res.body.errors).toBeUndefined();
    const refs = res.body.data.person.referencedOrganisations;
    const ids = refs.map((r: any) => r.organisation.id);
    expect(ids).toEqual(expect.arrayContaining(["org:unicef", "org:icrc", "org:osce"]));
    const counts = refs.map((r: any) => r.mentionCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const unicef = refs.find((r: any) => r.organisation.id === "org:unicef");
    expect(unicef.evidence[0].surface).toBe("UNICEF");
    expect(res.body.data.person.referencedCountries.map((r: any) => r.country.id)).toContain("country:KZ");
  });

  it("checks the offsets against the document text itself", async () => {
    // The transcript once, not once per mention (it is 25,000 characters; the cost model says so).
    const res = await server.gql(`{
      person(id: "person:yerzhan-ashykbayev") {
        referencedOrganisations { evidence(first: 100) { surface start end passage { document { id } } } }
      }
      documents(first: 10) { edges { node { id text } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const texts = new Map(res.body.data.documents.edges.map((e: any) => [e.node.id, e.node.text]));
    const mentions = res.body.data.person.referencedOrganisations.flatMap((r: any) => r.evidence);
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) expect((texts.get(m.passage.document.id) as string).slice(m.start, m.end)).toBe(m.surface);
  });

  it("lists the speakers with a role at the event", async () => {
    const res = await server.gql(`{ speakers(first: 100) { totalCount edges { node { id name } } } }`);
    expect(res.body.errors).toBeUndefined();
    const ids = res.body.data.speakers.edges.map((e: any) => e.node.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "person:yerzhan-ashykbayev",
        "person:christopher-harnisch",
        "person:noah-tucker",
        "person:john-herbst",
        "person:stevan-weine",
        "person:jasmine-el-gamal",
        "person:william-wechsler",
      ]),
    );
    // People only mentioned (Nazarbayev) had no role at the event.
    expect(ids).not.toContain("person:nursultan-nazarbayev");
    expect(res.body.data.speakers.totalCount).toBe(ids.length);
  });

  it("pages a person's passages and claims", async () => {
    const res = await server.gql(`{
      person(id: "person:yerzhan-ashykbayev") {
        passages(first: 2) { totalCount edges { node { id ordinal speaker { id } } } pageInfo { hasNextPage } }
        claims(first: 3) { totalCount edges { node { id speaker { id } } } }
      }
    }`);
    expect(res.body.errors).toBeUndefined();
    const { passages, claims } = res.body.data.person;
    expect(passages.edges).toHaveLength(2);
    expect(passages.totalCount).toBeGreaterThan(2);
    expect(passages.pageInfo.hasNextPage).toBe(true);
    expect(passages.edges.every((e: any) => e.node.speaker.id === "person:yerzhan-ashykbayev")).toBe(true);
    expect(claims.edges.map((e: any) => e.node.id)).toContain("claim:decision-sanctioned-nazarbayev-authorized-tokayev");
    expect(claims.totalCount).toBeGreaterThan(3);
  });

  it("mirrors references on the organisation: who referenced ISIS", async () => {
    const res = await server.gql(`{
      organisation(id: "org:isis") { name acronym kind wikidataId referencedBy { person { id } mentionCount evidence(first: 1) { surface } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const org = res.body.data.organisation;
    expect(org).toMatchObject({ name: "Islamic State of Iraq and Syria", acronym: "ISIS", kind: "ARMED_GROUP", wikidataId: "Q2429253" });
    const people = org.referencedBy.map((r: any) => r.person.id);
    expect(people).toEqual(expect.arrayContaining(["person:christopher-harnisch", "person:yerzhan-ashykbayev"]));
    const counts = org.referencedBy.map((r: any) => r.mentionCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
