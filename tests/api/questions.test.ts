import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * Questions analysts asked that the schema could not express: where and whom a speaker mentioned,
 * everyone and every place named, a document's paragraphs in order, positions, claims by figure.
 * Every answer is checked against the document's own text.
 */
describe("what analysts can ask", () => {
  let server: TestServer;
  let text: string;
  beforeAll(async () => {
    server = await startTestServer();
    const res = await server.gql(`{ document(id: "document:zhusan-2021-01-08") { text } }`);
    text = res.body.data.document.text;
  });
  afterAll(async () => {
    await server.close();
  });

  /** Every mention's words are exactly the document's at its offsets. */
  const expectVerbatim = (mentions: Array<{ surface: string; start: number; end: number }>) => {
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
  };

  it("lists the regions, people and programs each speaker mentioned, with evidence", async () => {
    // One query per speaker keeps each under the cost limit with every mention in the page.
    const list = await server.gql(`{ speakers(first: 50) { edges { node { id } } } }`);
    const ids: string[] = list.body.data.speakers.edges.map((e: any) => e.node.id);
    expect(ids.length).toBeGreaterThan(3);
    const speakersWith = async (selection: string) =>
      Promise.all(
        ids.map(async (id) => {
          const res = await server.gql(`query ($id: ID!) { person(id: $id) { id ${selection} } }`, { id });
          expect(res.body.errors).toBeUndefined();
          return res.body.data.person;
        }),
      );
    const regions = (await speakersWith(
      "referencedRegions { region { id name } mentionCount evidence(first: 50) { surface start end passage { speaker { id } } } }",
    )).flatMap((s: any) => s.referencedRegions.map((r: any) => ({ ...r, speaker: s.id })));
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) {
      expect(r.mentionCount).toBe(r.evidence.length);
      expectVerbatim(r.evidence);
      for (const m of r.evidence) expect(m.passage.speaker.id).toBe(r.speaker);
    }
    const speakers = await speakersWith(
      "referencedPeople { person { id } mentionCount evidence(first: 50) { surface start end } } referencedPrograms { program { id } mentionCount evidence(first: 50) { surface start end } }",
    );
    const people = speakers.flatMap((s: any) => s.referencedPeople);
    const programs = speakers.flatMap((s: any) => s.referencedPrograms);
    expect(people.length + programs.length).toBeGreaterThan(0);
    for (const r of [...people, ...programs]) expectVerbatim(r.evidence);
  });

  it("narrows references to one document", async () => {
    const query = `query ($doc: ID) { person(id: "person:yerzhan-ashykbayev") { referencedOrganisations(documentId: $doc) { organisation { id } mentionCount } } }`;
    const all = await server.gql(query, { doc: "document:zhusan-2021-01-08" });
    const none = await server.gql(query, { doc: "document:not-loaded" });
    expect(all.body.data.person.referencedOrganisations.length).toBeGreaterThan(0);
    expect(none.body.data.person.referencedOrganisations).toEqual([]);
  });

  it("lists everyone named and every region, by name, with totals", async () => {
    const res = await server.gql(`{
      people(first: 100) { totalCount edges { node { id name } } }
      speakers(first: 100) { totalCount }
      regions(first: 100) { totalCount edges { node { id name kind } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const { people, speakers, regions } = res.body.data;
    expect(people.totalCount).toBeGreaterThan(speakers.totalCount);
    const names = people.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(people.edges.map((e: any) => e.node.id)).toContain("person:kassym-jomart-tokayev");
    expect(regions.totalCount).toBe(regions.edges.length);
    expect(regions.edges.map((e: any) => e.node.id)).toContain("region:central-asia");
  });

  it("pages through a document's paragraphs in order, the introduction first", async () => {
    const seen: any[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await server.gql(
        `query ($after: String) { document(id: "document:zhusan-2021-01-08") { passages(first: 40, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id ordinal start end text speaker { id } } } } } }`,
        { after },
      );
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data.document.passages;
      seen.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) {
        expect(seen.length).toBe(page.totalCount);
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(seen.map((p) => p.ordinal)).toEqual(seen.map((_, i) => i + 1));
    expect(seen[0].speaker).toBeNull();
    for (const p of seen) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it("gives each position's organisation, title and quote", async () => {
    const res = await server.gql(`{ person(id: "person:yerzhan-ashykbayev") {
      affiliations { id }
      positions { organisation { id } title former evidence { surface start end } }
    } }`);
    expect(res.body.errors).toBeUndefined();
    const { affiliations, positions } = res.body.data.person;
    expect(positions.map((p: any) => p.organisation.id).sort()).toEqual(affiliations.map((a: any) => a.id).sort());
    const mfa = positions.find((p: any) => p.title === "Deputy Minister of Foreign Affairs");
    expect(mfa).toBeDefined();
    expect(typeof mfa.former).toBe("boolean");
    expect(mfa.evidence.length).toBe(1);
    expectVerbatim(mfa.evidence);
  });

  it("filters claims by the figures they state", async () => {
    const res = await server.gql(`{
      over500: claims(first: 100, quantity: { min: 500 }) { totalCount edges { node { id quantities { value unit } } } }
      children: claims(first: 100, quantity: { unit: "CHILDREN", min: 100, max: 1000 }) { edges { node { id quantities { value unit } } } }
      all: claims(first: 1) { totalCount }
    }`);
    expect(res.body.errors).toBeUndefined();
    const { over500, children, all } = res.body.data;
    expect(over500.totalCount).toBeGreaterThan(0);
    expect(over500.totalCount).toBeLessThan(all.totalCount);
    for (const e of over500.edges) expect(e.node.quantities.some((q: any) => q.value >= 500)).toBe(true);
    expect(children.edges.length).toBeGreaterThan(0);
    for (const e of children.edges) {
      expect(e.node.quantities.some((q: any) => q.unit.toLowerCase().includes("children") && q.value >= 100 && q.value <= 1000)).toBe(true);
    }
    const bad = await server.gql(`{ claims(quantity: { min: 10, max: 1 }) { totalCount } }`);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
