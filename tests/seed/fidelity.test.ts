import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * The seed stores only what the text says (seed/README.md, "Decisions"): each fix asserted through
 * GraphQL, against the document's own words.
 */
describe("facts the text supports", () => {
  let server: TestServer;
  let text: string;
  let passages: Array<{ id: string; ordinal: number; text: string; kind: string; speaker: { id: string } | null }>;
  beforeAll(async () => {
    server = await startTestServer();
    passages = [];
    let after: string | null = null;
    let total = 0;
    do {
      const res: any = await server.gql(`query ($after: String) { document(id: "document:zhusan-2021-01-08") { text
        passages(first: 100, after: $after) { totalCount edges { node { id ordinal text kind speaker { id } } } pageInfo { hasNextPage endCursor } } } }`, { after });
      expect(res.body.errors).toBeUndefined();
      text = res.body.data.document.text;
      const page = res.body.data.document.passages;
      passages.push(...page.edges.map((e: any) => e.node));
      total = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(passages).toHaveLength(total);
  });
  afterAll(async () => {
    await server.close();
  });

  const opening = (start: string) => passages.find((p) => p.text.replace(/^\d+\.\s*/, "").startsWith(start))!;

  it("keeps the editor's summary line apart from the speaker's words", () => {
    const summary = opening("YERZHAN ASHYKBAYEV covered");
    expect(summary).toMatchObject({ kind: "EDITORIAL", speaker: null });
    // The turn starts with the next paragraph, the speaker's own words.
    const next = passages.find((p) => p.ordinal === summary.ordinal + 1)!;
    expect(next).toMatchObject({ kind: "SPEECH", speaker: { id: "person:yerzhan-ashykbayev" } });
    expect(next.text).toMatch(/^The ultimate decision/);
    // The other sections open with the speaker's words after a colon.
    expect(opening("CHRISTOPHER HARNISCH:")).toMatchObject({ kind: "SPEECH", speaker: { id: "person:christopher-harnisch" } });
    expect(opening("NOAH TUCKER:")).toMatchObject({ kind: "SPEECH", speaker: { id: "person:noah-tucker" } });
    expect(opening("STEVAN WEINE:")).toMatchObject({ kind: "SPEECH", speaker: { id: "person:stevan-weine" } });
    // The introduction is the write-up's, and every paragraph with a speaker is speech.
    expect(passages[0]).toMatchObject({ kind: "EDITORIAL", speaker: null });
    for (const p of passages) expect(p.kind === "SPEECH").toBe(p.speaker !== null);
  });

  it("rests no claim and no speaker's reference on an editorial line", async () => {
    const claims: any[] = [];
    let after: string | null = null;
    do {
      const page: any = await server.gql(`query ($after: String) { claims(first: 100, after: $after) {
        edges { node { id passage { kind speaker { id } } speaker { id } } } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(page.body.errors).toBeUndefined();
      claims.push(...page.body.data.claims.edges.map((e: any) => e.node));
      after = page.body.data.claims.pageInfo.hasNextPage ? page.body.data.claims.pageInfo.endCursor : null;
    } while (after);
    expect(claims.length).toBeGreaterThan(100);
    const res = await server.gql(`{
      person(id: "person:yerzhan-ashykbayev") {
        referencedOrganisations { organisation { id } evidence(first: 50) { passage { kind speaker { id } } } }
        referencedPrograms { program { id } evidence(first: 50) { passage { kind } } }
      }
    }`);
    expect(res.body.errors).toBeUndefined();
    for (const c of claims) {
      expect(c.passage.kind).toBe("SPEECH");
      expect(c.passage.speaker.id).toBe(c.speaker.id);
    }
    expect(claims.map((c: any) => c.id)).not.toContain("claim:kz-hard-political-decisions");
    const person = res.body.data.person;
    const evidence = [...person.referencedOrganisations, ...person.referencedPrograms].flatMap((r: any) => r.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(e.passage.kind).toBe("SPEECH");
  });

  it("gives the link the text calls the recording's as the event's recording, not the document's address", async () => {
    const res = await server.gql(`{
      event: node(id: "event:zhusan-2021-01-08") { ... on Event { recordingUrl document { id url } } }
      document(id: "document:zhusan-2021-01-08") { url }
    }`);
    expect(res.body.errors).toBeUndefined();
    const { event, document } = res.body.data;
    expect(text).toContain(`The link to the recording is available at: ${event.recordingUrl}`);
    expect(document.url).toBeNull();
    expect(event.document).toEqual({ id: "document:zhusan-2021-01-08", url: null });
  });

  it("counts ISIS and the Chaliphate as the two things the text names", async () => {
    const res = await server.gql(`{
      isis: organisation(id: "org:isis") { aliases referencedBy { person { id } evidence(first: 50) { surface } } }
      chaliphate: organisation(id: "org:chaliphate") { name kind referencedBy { person { id } mentionCount evidence(first: 50) { surface start end } } }
      lie: node(id: "claim:kids-say-caliphate-was-a-lie") { ... on Claim { about { id } } }
      ranks: node(id: "claim:reasons-for-joining-isis-same-as-any-country") { ... on Claim { about { id } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const { isis, chaliphate, lie, ranks } = res.body.data;
    expect(isis.aliases).not.toContain("Chaliphate");
    const isisSurfaces = isis.referencedBy.flatMap((r: any) => r.evidence.map((e: any) => e.surface));
    expect(isisSurfaces.length).toBeGreaterThan(0);
    expect(isisSurfaces.every((s: string) => s === "ISIS")).toBe(true);
    expect(chaliphate).toMatchObject({ name: "Chaliphate", kind: "OTHER" });
    const by = Object.fromEntries(chaliphate.referencedBy.map((r: any) => [r.person.id, r.mentionCount]));
    expect(by).toEqual({ "person:yerzhan-ashykbayev": 1, "person:stevan-weine": 1 });
    for (const r of chaliphate.referencedBy) for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe("Chaliphate");
    expect(lie.about.map((a: any) => a.id)).toContain("org:chaliphate");
    expect(lie.about.map((a: any) => a.id)).not.toContain("org:isis");
    expect(ranks.about.map((a: any) => a.id)).toEqual(expect.arrayContaining(["org:isis", "org:chaliphate"]));
  });

  it("says Tokayev introduced the Listening State, as the text does", async () => {
    const res = await server.gql(`{ program(id: "program:listening-state") { participants { role participant { id } evidence { surface } } } }`);
    expect(res.body.errors).toBeUndefined();
    const [tokayev, ...others] = res.body.data.program.participants;
    expect(others).toEqual([]);
    expect(tokayev).toMatchObject({ role: "INTRODUCED", participant: { id: "person:kassym-jomart-tokayev" } });
    expect(tokayev.evidence[0].surface).toContain("introduced the concept of the “Listening State”");
  });

  it("places Operation Zhusan in Syria, on Tucker's words about its returnees, and nowhere else", async () => {
    const res = await server.gql(`{
      program(id: "program:operation-zhusan") { participants { role participant { id } evidence { surface passage { speaker { id } } } } }
      country(id: "country:SY") { programs { role program { id participants { role participant { id } } } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const places = res.body.data.program.participants.filter((p: any) => p.role === "OPERATES_IN");
    expect(places.map((p: any) => p.participant.id)).toEqual(["country:SY"]);
    expect(places[0].evidence).toEqual([
      { surface: "were allowed to tell their stories about what they saw in Syria and what happened there", passage: { speaker: { id: "person:noah-tucker" } } },
    ]);
    // From Syria, the operation and everyone taking part in it.
    const zhusan = res.body.data.country.programs.find((p: any) => p.program.id === "program:operation-zhusan");
    expect(zhusan.role).toBe("OPERATES_IN");
    expect(zhusan.program.participants).toContainEqual({ role: "RUNS", participant: { id: "country:KZ" } });
    expect(zhusan.program.participants).toContainEqual({ role: "PARTNERS_IN", participant: { id: "org:unicef" } });
  });

  it("keeps “exactly” as the qualifier of “Exactly two years ago”", async () => {
    const res = await server.gql(`{ node(id: "claim:kz-first-country-to-step-up") { ... on Claim { quantities { value unit qualifier surface start end } } } }`);
    expect(res.body.errors).toBeUndefined();
    const [q] = res.body.data.node.quantities;
    expect(q).toMatchObject({ value: 2, qualifier: "exactly", surface: "Exactly two years ago" });
    expect(text.slice(q.start, q.end)).toBe(q.surface);
  });

  it("backs every program link with a quote that names both ends or stands in the participant's own turn", async () => {
    // A mechanical floor under the review in seed/README.md: the quote names the participant (or
    // is the participant's own words, "we"), and the program is one the quote's paragraph is about.
    const res = await server.gql(`{ programs(first: 100) { edges { node { id participants { role
      participant { id ... on Person { name aliases } ... on Organisation { name acronym aliases } ... on Country { name aliases demonyms } ... on Region { name aliases demonyms } }
      evidence { surface passage { kind speaker { id } } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const weak: string[] = [];
    for (const { node: program } of res.body.data.programs.edges) {
      for (const p of program.participants) {
        const names = [p.participant.name, p.participant.acronym, ...(p.participant.aliases ?? []), ...(p.participant.demonyms ?? [])].filter(Boolean);
        for (const e of p.evidence) {
          const named = names.some((n: string) => e.surface.includes(n) || e.surface.includes(n.split(" ").pop()!));
          const ownWords = /\b(we|our)\b/i.test(e.surface);
          if (!named && !ownWords) weak.push(`${p.participant.id} ${p.role} ${program.id}: ${e.surface}`);
        }
      }
    }
    expect(weak).toEqual([]);
  });
});
