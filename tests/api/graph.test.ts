import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

const VIEW = `nodes { id type label } edges { id source target type } truncated`;
const NEIGHBOURHOOD = `query ($id: ID!, $depth: Int, $limit: Int) { neighbourhood(id: $id, depth: $depth, limit: $limit) { ${VIEW} } }`;
const PATH = `query ($from: ID!, $to: ID!, $max: Int) { shortestPath(from: $from, to: $to, maxLength: $max) { ${VIEW} } }`;

type View = { nodes: Array<{ id: string; type: string; label: string }>; edges: Array<{ id: string; source: string; target: string; type: string }>; truncated: boolean };

/** Every edge joins two nodes of the view: what Cytoscape.js, Sigma and D3 need. */
function expectConsistent(view: View) {
  const ids = new Set(view.nodes.map((n) => n.id));
  expect(ids.size).toBe(view.nodes.length);
  expect(new Set(view.edges.map((e) => e.id)).size).toBe(view.edges.length);
  for (const e of view.edges) {
    expect(ids.has(e.source)).toBe(true);
    expect(ids.has(e.target)).toBe(true);
  }
}

describe("graph views for visualisation", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("shows Operation Zhusan's participants one hop out", async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: "program:operation-zhusan", depth: 1, limit: 100 });
    expect(res.body.errors).toBeUndefined();
    const view: View = res.body.data.neighbourhood;
    expectConsistent(view);
    expect(view.nodes[0]).toEqual({ id: "program:operation-zhusan", type: "PROGRAM", label: "Operation Zhusan" });
    const ids = view.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(["country:KZ", "org:unicef", "org:icrc", "org:osce", "country:SY"]));
    expect(view.edges).toContainEqual(expect.objectContaining({ source: "country:KZ", target: "program:operation-zhusan", type: "RUNS" }));
    // The entity graph only: no passages or documents around an entity.
    expect(view.nodes.every((n) => !["PASSAGE", "DOCUMENT"].includes(n.type))).toBe(true);
    expect(view.truncated).toBe(false);
  });

  it("cuts at the limit, nearest first, and says so", async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: "country:KZ", depth: 3, limit: 5 });
    expect(res.body.errors).toBeUndefined();
    const view: View = res.body.data.neighbourhood;
    expectConsistent(view);
    expect(view.nodes).toHaveLength(5);
    expect(view.nodes[0]!.id).toBe("country:KZ");
    expect(view.truncated).toBe(true);
    // Kazakhstan has many claims about it; a cut view shows the entities it links first.
    expect(view.nodes.slice(1).every((n) => n.type !== "CLAIM")).toBe(true);
  });

  it("grows with depth", async () => {
    const sizes: number[] = [];
    for (const depth of [1, 2, 3]) {
      const res = await server.gql(NEIGHBOURHOOD, { id: "person:stevan-weine", depth, limit: 100 });
      expect(res.body.errors).toBeUndefined();
      expectConsistent(res.body.data.neighbourhood);
      sizes.push(res.body.data.neighbourhood.nodes.length);
    }
    expect(sizes[1]).toBeGreaterThan(sizes[0]!);
    expect(sizes[2]).toBeGreaterThanOrEqual(sizes[1]!);
  });

  it("shows a passage's direct links when the root is a passage", async () => {
    const claim = await server.gql(`{ claim: node(id: "claim:kz-repatriated-over-700") { ... on Claim { passage { id } } } }`);
    const passageId = claim.body.data.claim.passage.id;
    const res = await server.gql(NEIGHBOURHOOD, { id: passageId, depth: 1, limit: 100 });
    const view: View = res.body.data.neighbourhood;
    expectConsistent(view);
    const ids = view.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(["person:yerzhan-ashykbayev", "claim:kz-repatriated-over-700", "document:zhusan-2021-01-08"]));
    expect(view.edges).toContainEqual(expect.objectContaining({ source: "person:yerzhan-ashykbayev", target: passageId, type: "SAID" }));
  });

  it("gives an empty view for an unknown id", async () => {
    const res = await server.gql(NEIGHBOURHOOD, { id: "person:nobody" });
    expect(res.body.data.neighbourhood).toEqual({ nodes: [], edges: [], truncated: false });
  });

  it.each<Record<string, number>>([{ depth: 0 }, { depth: 4 }, { limit: 0 }, { limit: 101 }])("refuses %j", async (args) => {
    const res = await server.gql(NEIGHBOURHOOD, { id: "country:KZ", ...args });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("finds a shortest path from Stevan Weine to Kazakhstan through what links them", async () => {
    const res = await server.gql(PATH, { from: "person:stevan-weine", to: "country:KZ" });
    expect(res.body.errors).toBeUndefined();
    const view: View = res.body.data.shortestPath;
    expectConsistent(view);
    expect(view.nodes[0]!.id).toBe("person:stevan-weine");
    expect(view.nodes.at(-1)!.id).toBe("country:KZ");
    expect(view.edges).toHaveLength(view.nodes.length - 1);
    expect(view.edges.length).toBeLessThanOrEqual(2);
  });

  it("reports a path longer than maxLength as truncated", async () => {
    const long = await server.gql(PATH, { from: "person:john-herbst", to: "org:unicef", max: 10 });
    const length = long.body.data.shortestPath.edges.length;
    expect(length).toBeGreaterThan(1);
    const res = await server.gql(PATH, { from: "person:john-herbst", to: "org:unicef", max: length - 1 });
    expect(res.body.data.shortestPath).toEqual({ nodes: [], edges: [], truncated: true });
  });

  it("answers a path to itself and unknown ends", async () => {
    const self = await server.gql(PATH, { from: "country:KZ", to: "country:KZ" });
    expect(self.body.data.shortestPath.nodes).toEqual([{ id: "country:KZ", type: "COUNTRY", label: "Kazakhstan" }]);
    const none = await server.gql(PATH, { from: "country:KZ", to: "country:ZZ" });
    expect(none.body.data.shortestPath).toEqual({ nodes: [], edges: [], truncated: false });
  });

  it.each([{ max: 0 }, { max: 11 }, { from: "not an id" }])("refuses %j", async (args) => {
    const res = await server.gql(PATH, { from: "country:KZ", to: "org:unicef", ...args });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
