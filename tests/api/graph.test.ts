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
    expect(ids).toEqual(expect.arrayContaining(["country:KZ", "org:unicef", "org:icrc", "org:osce", "person:nursultan-nazarbayev"]));
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

  describe("properties, evidence and layout", () => {
    const RICH = `query ($id: ID!, $depth: Int, $limit: Int) {
      neighbourhood(id: $id, depth: $depth, limit: $limit) {
        nodes { id type label properties layout { x y } }
        edges { id source target type properties evidence { surface start end passage { id ordinal start end } } }
        truncated
      }
    }`;
    type Evidence = { surface: string; start: number; end: number; passage: { id: string; ordinal: number; start: number; end: number } };
    type RichView = {
      nodes: Array<{ id: string; type: string; label: string; properties: Record<string, unknown>; layout: { x: number; y: number } | null }>;
      edges: Array<{ id: string; source: string; target: string; type: string; properties: Record<string, unknown>; evidence: Evidence[] }>;
      truncated: boolean;
    };
    let documentText: string;

    beforeAll(async () => {
      const res = await server.gql(`{ node(id: "document:zhusan-2021-01-08") { ... on Document { text } } }`);
      documentText = res.body.data.node.text;
    });

    async function rich(id: string, depth = 1, limit = 50): Promise<RichView> {
      const res = await server.gql(RICH, { id, depth, limit });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.neighbourhood;
    }

    /** Every quote is the document's own words, in the paragraph it names. */
    function expectExact(evidence: Evidence[]) {
      for (const m of evidence) {
        expect(documentText.slice(m.start, m.end)).toBe(m.surface);
        expect(m.start).toBeGreaterThanOrEqual(m.passage.start);
        expect(m.end).toBeLessThanOrEqual(m.passage.end);
      }
    }

    it("leaves the contract's fields as they were", async () => {
      const plain = (await server.gql(NEIGHBOURHOOD, { id: "org:unicef", depth: 1, limit: 50 })).body.data.neighbourhood as View;
      const view = await rich("org:unicef");
      expect(view.nodes.map(({ id, type, label }) => ({ id, type, label }))).toEqual(plain.nodes);
      expect(view.edges.map(({ id, source, target, type }) => ({ id, source, target, type }))).toEqual(plain.edges);
      expect(view.truncated).toBe(plain.truncated);
    });

    it("gives nodes their own properties, without index fields", async () => {
      const view = await rich("org:unicef");
      const unicef = view.nodes.find((n) => n.id === "org:unicef")!;
      expect(unicef.properties).toMatchObject({ name: "United Nations Children's Fund", acronym: "UNICEF", kind: "INTERGOVERNMENTAL" });
      const claim = view.nodes.find((n) => n.id === "claim:kz-works-with-unicef-icrc-osce")!;
      expect(claim.properties).toMatchObject({ kind: "ASSERTION", passageId: "passage:zhusan-2021-01-08-p035" });
      expect(documentText.slice(claim.properties.start as number, claim.properties.end as number)).toBe(claim.properties.text);
      for (const n of view.nodes) {
        expect(n.properties).not.toHaveProperty("searchText");
        expect(n.properties).not.toHaveProperty("id");
      }
    });

    it("gives edges their provenance as properties and as evidence with its paragraph", async () => {
      const view = await rich("org:unicef");
      const partners = view.edges.find((e) => e.id === "org:unicef-PARTNERS_IN->program:operation-zhusan")!;
      expect(partners.properties).toMatchObject({
        quote: "Kazakhstan is working with different agencies such as UNICEF, ICRC, OSCE and NGOs on the ground",
        passageId: "passage:zhusan-2021-01-08-p035",
      });
      expect(partners.evidence).toEqual([
        {
          surface: partners.properties.quote,
          start: partners.properties.start,
          end: partners.properties.end,
          passage: expect.objectContaining({ id: "passage:zhusan-2021-01-08-p035", ordinal: 35 }),
        },
      ]);
      // ABOUT has no quote of its own: its evidence is the claim's text.
      const about = view.edges.find((e) => e.type === "ABOUT" && e.source === "claim:kz-works-with-unicef-icrc-osce" && e.target === "org:unicef")!;
      expect(about.properties).toEqual({});
      expect(about.evidence.map((m) => m.surface)).toEqual(["Kazakhstan is working with different agencies such as UNICEF, ICRC, OSCE and NGOs on the ground."]);
      expectExact(view.edges.flatMap((e) => e.evidence));
    });

    it("shows a person's affiliation, title and role with the quotes behind them", async () => {
      const view = await rich("person:christopher-harnisch");
      const affiliated = view.edges.filter((e) => e.type === "AFFILIATED_WITH");
      expect(affiliated.length).toBeGreaterThan(0);
      for (const e of affiliated) {
        expect(e.properties.title).toEqual(expect.any(String));
        expect(e.evidence).toHaveLength(1);
        expect(e.evidence[0]!.surface).toBe(e.properties.quote);
      }
      const spoke = view.edges.find((e) => e.type === "SPOKE_AT")!;
      expect(spoke.properties.role).toEqual(expect.any(String));
      const made = view.edges.filter((e) => e.type === "MADE");
      expect(made.length).toBeGreaterThan(0);
      for (const e of made) expect(e.evidence[0]?.surface).toBe(view.nodes.find((n) => n.id === e.target)!.properties.text);
      expectExact(view.edges.flatMap((e) => e.evidence));
    });

    it("keeps payloads small: no document text, a paragraph's text only at the root", async () => {
      const passageId = "passage:zhusan-2021-01-08-p035";
      const around = await rich(passageId);
      const root = around.nodes.find((n) => n.id === passageId)!;
      expect(documentText.slice(root.properties.start as number, root.properties.end as number)).toBe(root.properties.text);
      expect(around.nodes.find((n) => n.type === "DOCUMENT")!.properties).not.toHaveProperty("text");
      const mentions = around.edges.filter((e) => e.type === "MENTIONS");
      expect(mentions.length).toBeGreaterThan(0);
      expect(mentions.every((e) => e.evidence[0]?.surface === e.properties.surface)).toBe(true);
      expectExact(around.edges.flatMap((e) => e.evidence));

      const document = await rich("document:zhusan-2021-01-08", 1, 10);
      expect(document.nodes.filter((n) => n.type === "PASSAGE").length).toBeGreaterThan(0);
      for (const n of document.nodes) expect(n.properties).not.toHaveProperty("text");
      expect(JSON.stringify(document).length).toBeLessThan(10_000);
    });

    it("resolves every edge's paragraph in batches: database queries do not grow with the edges", async () => {
      const count = async (id: string, depth: number) => {
        const res = await server.gql(RICH, { id, depth, limit: 100 });
        expect(res.body.errors).toBeUndefined();
        const view: RichView = res.body.data.neighbourhood;
        return { queries: server.dbQueries(res), edges: view.edges.length, quotes: view.edges.reduce((n, e) => n + e.evidence.length, 0) };
      };
      const small = await count("org:unicef", 1);
      const large = await count("country:KZ", 2);
      expect(large.edges).toBeGreaterThan(10 * small.edges);
      expect(large.quotes).toBeGreaterThan(10 * small.quotes);
      // One query for the view, one batch for all the paragraphs.
      expect(small.queries).toBeLessThanOrEqual(2);
      expect(large.queries).toBe(small.queries);
    });

    it("lays the view out the same way every time: the root in the middle, rings around it", async () => {
      const one = await rich("program:operation-zhusan", 2, 60);
      const two = await rich("program:operation-zhusan", 2, 60);
      expect(two.nodes.map((n) => [n.id, n.layout])).toEqual(one.nodes.map((n) => [n.id, n.layout]));
      expect(one.nodes[0]!.layout).toEqual({ x: 0, y: 0 });
      const places = new Set(one.nodes.map((n) => `${n.layout!.x},${n.layout!.y}`));
      expect(places.size).toBe(one.nodes.length);
      // Neighbours of the root are nearer to it than nodes two hops away.
      const ring = (id: string) => Math.hypot(one.nodes.find((n) => n.id === id)!.layout!.x, one.nodes.find((n) => n.id === id)!.layout!.y);
      const direct = new Set(one.edges.filter((e) => e.source === "program:operation-zhusan" || e.target === "program:operation-zhusan").flatMap((e) => [e.source, e.target]));
      const far = one.nodes.filter((n) => !direct.has(n.id));
      expect(far.length).toBeGreaterThan(0);
      expect(Math.max(...[...direct].filter((id) => id !== "program:operation-zhusan").map(ring))).toBeLessThan(Math.min(...far.map((n) => ring(n.id))));
    });

    it("lays a shortest path out as a line, with the evidence of each step", async () => {
      const res = await server.gql(`{ shortestPath(from: "person:stevan-weine", to: "org:unicef") {
        nodes { id layout { x y } } edges { type evidence { surface start end passage { id ordinal start end } } } } }`);
      expect(res.body.errors).toBeUndefined();
      const path = res.body.data.shortestPath;
      expect(path.nodes.map((n: { layout: { y: number } }) => n.layout.y)).toEqual(path.nodes.map(() => 0));
      const xs = path.nodes.map((n: { layout: { x: number } }) => n.layout.x);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      for (const e of path.edges) expect(e.evidence.length).toBeGreaterThan(0);
      expectExact(path.edges.flatMap((e: { evidence: Evidence[] }) => e.evidence));
    });
  });
});
