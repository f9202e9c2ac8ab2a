import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * A graph view reads node and relationship properties only when its selection shows them. Whatever
 * it selects, the nodes, edges and labels are the same, and every field that shows properties (however
 * it is asked for: fragments, aliases, @include) gets them.
 */
const LEAN = `nodes { id type label } viewNodes { key type label } edges { id source target type } truncated`;
const FULL = `nodes { id type label properties layout { x y } }
  viewNodes { key type label properties layout { x y } }
  edges { id source target type properties evidence { surface start end } }
  truncated`;
const around = (view: string) => `query ($id: ID!, $depth: Int, $limit: Int) { neighbourhood(id: $id, depth: $depth, limit: $limit) { ${view} } }`;
const path = (view: string) => `query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { ${view} } }`;

type Props = Record<string, unknown>;
type FullView = {
  nodes: Array<{ id: string; type: string; label: string; properties: Props; layout: { x: number; y: number } | null }>;
  viewNodes: Array<{ key: string; type: string; label: string; properties: Props; layout: { x: number; y: number } }>;
  edges: Array<{ id: string; source: string; target: string; type: string; properties: Props; evidence: Array<{ surface: string }> }>;
  truncated: boolean;
};

/** The full view with only the fields the lean selection asks for. */
const leanOf = (view: FullView) => ({
  nodes: view.nodes.map(({ id, type, label }) => ({ id, type, label })),
  viewNodes: view.viewNodes.map(({ key, type, label }) => ({ key, type, label })),
  edges: view.edges.map(({ id, source, target, type }) => ({ id, source, target, type })),
  truncated: view.truncated,
});

describe("graph views read what their selection shows", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function data(query: string, variables: Record<string, unknown>, field: "neighbourhood" | "shortestPath" = "neighbourhood") {
    const res = await server.gql(query, variables);
    expect(res.body.errors).toBeUndefined();
    return res.body.data[field];
  }

  const roots: Array<[string, Record<string, unknown>]> = [
    ["a hub, two hops out", { id: "program:operation-zhusan", depth: 2 }],
    ["a country with many claims, two hops out", { id: "country:KZ", depth: 2, limit: 100 }],
    ["a cut view", { id: "country:KZ", depth: 3, limit: 5 }],
    ["a passage (its links of any kind, the document among them)", { id: "passage:zhusan-2021-01-08-p035", depth: 1 }],
    ["the document", { id: "document:zhusan-2021-01-08", depth: 1, limit: 10 }],
    ["an unknown id", { id: "person:nobody" }],
  ];

  it.each(roots)("answers the same nodes, edges and labels with and without properties: %s", async (_, variables) => {
    const full: FullView = await data(around(FULL), variables);
    const lean = await data(around(LEAN), variables);
    expect(lean).toEqual(leanOf(full));
    if (variables.id !== "person:nobody") expect(full.nodes.length).toBeGreaterThan(1);
  });

  it("answers the same shortest paths with and without properties", async () => {
    for (const [from, to] of [
      ["person:stevan-weine", "country:KZ"],
      ["person:john-herbst", "org:unicef"],
      ["country:KZ", "country:KZ"],
    ]) {
      const full: FullView = await data(path(FULL), { from, to }, "shortestPath");
      expect(full.nodes.length).toBeGreaterThan(0);
      expect(await data(path(LEAN), { from, to }, "shortestPath")).toEqual(leanOf(full));
    }
  });

  it("labels nodes by name or title, else the start of their text, without properties as with them", async () => {
    const full: FullView = await data(around(FULL), { id: "country:KZ", depth: 2, limit: 100 });
    const lean = await data(around(LEAN), { id: "country:KZ", depth: 2, limit: 100 });
    const labels = new Map<string, string>(lean.nodes.map((n: { id: string; label: string }) => [n.id, n.label]));
    const claims = full.nodes.filter((n) => n.type === "CLAIM");
    expect(claims.length).toBeGreaterThan(5);
    expect(claims.some((n) => (n.properties.text as string).length > 60)).toBe(true);
    for (const n of full.nodes) {
      const text = n.properties.text as string | undefined;
      const expected =
        (n.properties.name as string | undefined) ??
        (n.properties.title as string | undefined) ??
        (text === undefined ? n.id : text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text);
      expect(labels.get(n.id), n.id).toBe(expected);
    }

    // A document is labelled by its title, never by its text (the whole transcript).
    const passage = await data(around(LEAN), { id: "passage:zhusan-2021-01-08-p035", depth: 1 });
    const document = await server.gql(`{ node(id: "document:zhusan-2021-01-08") { ... on Document { title } } }`);
    expect(passage.nodes).toContainEqual({ id: "document:zhusan-2021-01-08", type: "DOCUMENT", label: document.body.data.node.title });
  });

  it("gives properties however they are asked for: a fragment, an alias, an inline fragment, viewNodes only", async () => {
    const variables = { id: "org:unicef", depth: 1 };
    const unicef = { name: "United Nations Children's Fund", acronym: "UNICEF", kind: "INTERGOVERNMENTAL" };

    const fragment = await server.gql(
      `query ($id: ID!, $depth: Int) { neighbourhood(id: $id, depth: $depth) { nodes { id ...Shown } } }
       fragment Shown on GraphNode { shown: properties }`,
      variables,
    );
    expect(fragment.body.errors).toBeUndefined();
    expect(fragment.body.data.neighbourhood.nodes.find((n: { id: string }) => n.id === "org:unicef").shown).toMatchObject(unicef);

    const inline = await data(around(`... on GraphView { viewNodes { key ... on GraphViewNode { properties } } }`), variables);
    expect(inline.viewNodes.find((n: { key: string }) => n.key === "org:unicef").properties).toMatchObject(unicef);

    const edges = await data(around(`edges { id props: properties }`), variables);
    expect(edges.edges.find((e: { id: string }) => e.id === "org:unicef-PARTNERS_IN->program:operation-zhusan").props).toMatchObject({
      quote: "Kazakhstan is working with different agencies such as UNICEF, ICRC, OSCE and NGOs on the ground",
    });
  });

  it("gives properties when @include asks for them, and not the field when it does not", async () => {
    const query = `query ($id: ID!, $shown: Boolean!) { neighbourhood(id: $id) { nodes { id properties @include(if: $shown) } } }`;
    const shown = await server.gql(query, { id: "org:unicef", shown: true });
    expect(shown.body.data.neighbourhood.nodes.find((n: { id: string }) => n.id === "org:unicef").properties).toMatchObject({ acronym: "UNICEF" });
    const hidden = await server.gql(query, { id: "org:unicef", shown: false });
    expect(hidden.body.data.neighbourhood.nodes.find((n: { id: string }) => n.id === "org:unicef")).toEqual({ id: "org:unicef" });
  });

  it("gives evidence without properties selected: a quote, and a claim's own text for ABOUT and MADE", async () => {
    const full: FullView = await data(around(FULL), { id: "org:unicef", depth: 1 });
    const only = await data(around(`edges { id evidence { surface start end } }`), { id: "org:unicef", depth: 1 });
    expect(only.edges).toEqual(full.edges.map(({ id, evidence }) => ({ id, evidence })));
    const about = only.edges.find((e: { id: string }) => full.edges.find((f) => f.id === e.id)!.type === "ABOUT");
    expect(about.evidence).toHaveLength(1);

    const fullPath: FullView = await data(path(FULL), { from: "person:stevan-weine", to: "org:unicef" }, "shortestPath");
    const onlyPath = await data(path(`edges { id evidence { surface start end } }`), { from: "person:stevan-weine", to: "org:unicef" }, "shortestPath");
    expect(onlyPath.edges).toEqual(fullPath.edges.map(({ id, evidence }) => ({ id, evidence })));
    expect(onlyPath.edges.every((e: { evidence: unknown[] }) => e.evidence.length > 0)).toBe(true);
  });

  it("lays the view out the same without properties", async () => {
    const variables = { id: "program:operation-zhusan", depth: 2, limit: 60 };
    const full: FullView = await data(around(FULL), variables);
    const layout = await data(around(`nodes { id layout { x y } } viewNodes { key layout { x y } }`), variables);
    expect(layout.nodes).toEqual(full.nodes.map(({ id, layout }) => ({ id, layout })));
    expect(layout.viewNodes).toEqual(full.viewNodes.map(({ key, layout }) => ({ key, layout })));
    expect(layout.nodes[0].layout).toEqual({ x: 0, y: 0 });
  });
});
