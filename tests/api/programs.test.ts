import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

const PARTICIPATION = `role program { id name } participant { __typename id } evidence { surface start end passage { id start end text } }`;

/** "Which programs does Kazakhstan run or support, and who partners in them?" */
describe("programs and who takes part", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("shows that Kazakhstan runs Operation Zhusan, with the quote as evidence", async () => {
    const res = await server.gql(`{ country(id: "country:KZ") { id isoCode name demonyms programs { ${PARTICIPATION} } } }`);
    expect(res.body.errors).toBeUndefined();
    const kz = res.body.data.country;
    expect(kz).toMatchObject({ id: "country:KZ", isoCode: "KZ", name: "Kazakhstan" });
    expect(kz.demonyms).toContain("Kazakhstani");
    const runs = kz.programs.filter((p: any) => p.role === "RUNS").map((p: any) => p.program.id);
    expect(runs).toEqual(expect.arrayContaining(["program:operation-zhusan", "program:ethnic-kazakh-repatriation"]));
    const zhusan = kz.programs.find((p: any) => p.role === "RUNS" && p.program.id === "program:operation-zhusan");
    expect(zhusan.participant).toEqual({ __typename: "Country", id: "country:KZ" });
    expect(zhusan.evidence).toHaveLength(1);
    const [quote] = zhusan.evidence;
    expect(quote.surface).toBe("Exactly two years ago when Kazakhstan initiated its first repatriation");
    expect(quote.passage.text.slice(quote.start - quote.passage.start, quote.end - quote.passage.start)).toBe(quote.surface);
    // Programs operating in Kazakhstan are listed too, with role OPERATES_IN.
    expect(kz.programs.filter((p: any) => p.role === "OPERATES_IN").map((p: any) => p.program.id)).toContain("program:us-award-weine");
    // RUNS comes first.
    expect(kz.programs[0].role).toBe("RUNS");
  });

  it("lists Operation Zhusan's participants: who runs, supports, authorised and partners in it", async () => {
    const res = await server.gql(`{ program(id: "program:operation-zhusan") { id name kind description aliases participants { ${PARTICIPATION} } } }`);
    expect(res.body.errors).toBeUndefined();
    const program = res.body.data.program;
    expect(program).toMatchObject({ name: "Operation Zhusan", kind: "OPERATION" });
    expect(program.aliases).toContain("Zhusan");
    const by = (role: string) => program.participants.filter((p: any) => p.role === role).map((p: any) => p.participant.id).sort();
    expect(by("RUNS")).toEqual(["country:KZ"]);
    expect(by("SUPPORTS")).toEqual(["country:US"]);
    expect(by("PARTNERS_IN")).toEqual(["org:icrc", "org:osce", "org:unicef"]);
    expect(by("AUTHORIZED")).toEqual(["person:kassym-jomart-tokayev", "person:nursultan-nazarbayev"]);
    // Tucker's words on its returnees place it in Syria (seed/README.md, Decisions).
    expect(by("OPERATES_IN")).toEqual(["country:SY"]);
    const unicef = program.participants.find((p: any) => p.participant.id === "org:unicef");
    expect(unicef.participant.__typename).toBe("Organisation");
    expect(unicef.evidence[0].surface).toBe("Kazakhstan is working with different agencies such as UNICEF, ICRC, OSCE and NGOs on the ground");
  });

  it("lists an organisation's programs and its place in the hierarchy", async () => {
    const res = await server.gql(`{
      unicef: organisation(id: "org:unicef") { programs { role program { id } } }
      bureau: organisation(id: "org:us-bureau-of-counterterrorism") { parent { id name } country { id } }
      council: organisation(id: "org:atlantic-council") { units { id } parent { id } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const { unicef, bureau, council } = res.body.data;
    expect(unicef.programs.map((p: any) => p.program.id)).toEqual(
      expect.arrayContaining(["program:operation-zhusan", "program:kz-rehabilitation-reintegration"]),
    );
    expect(unicef.programs.every((p: any) => p.role === "PARTNERS_IN")).toBe(true);
    expect(bureau.parent).toEqual({ id: "org:us-state-department", name: "U.S. Department of State" });
    expect(bureau.country).toEqual({ id: "country:US" });
    expect(council.parent).toBeNull();
    expect(council.units.map((u: any) => u.id)).toEqual(expect.arrayContaining(["org:eurasia-center", "org:rafik-hariri-center"]));
  });

  it("lists the claims about a program", async () => {
    const res = await server.gql(`{ program(id: "program:operation-zhusan") { claims(first: 100) { totalCount edges { node { id about { id } } } } } }`);
    const claims = res.body.data.program.claims;
    expect(claims.edges.map((e: any) => e.node.id)).toContain("claim:kz-repatriated-over-700");
    expect(claims.edges.every((e: any) => e.node.about.some((a: any) => a.id === "program:operation-zhusan"))).toBe(true);
    expect(claims.totalCount).toBe(claims.edges.length);
  });

  it("places a city in its country and shows a region's programs", async () => {
    const res = await server.gql(`{
      astana: node(id: "region:astana") { __typename ... on Region { name kind aliases country { id } } }
      ca: node(id: "region:central-asia") { ... on Region { programs { role program { id } } } }
      kz: country(id: "country:KZ") { regions { id } }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.astana).toEqual({ __typename: "Region", name: "Astana", kind: "CITY", aliases: ["Nur-Sultan"], country: { id: "country:KZ" } });
    expect(res.body.data.ca.programs).toContainEqual({ role: "OPERATES_IN", program: { id: "program:ethnic-kazakh-repatriation" } });
    expect(res.body.data.kz.regions).toEqual([{ id: "region:central-asia" }]);
  });
});
