import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * Graph views in a normalised cache (Apollo Client's InMemoryCache): a view read back from the
 * cache after another view was fetched is the view the server sent, node for node.
 */
const VIEW = gql`
  query View($id: ID!) {
    neighbourhood(id: $id, depth: 1, limit: 50) {
      viewNodes { key type label properties layout { x y } }
      edges { id source target type }
      truncated
    }
  }
`;

/** The shape the issue reported: view-dependent fields on a type with an `id`. */
const OLD_VIEW = gql`
  query OldView($id: ID!) {
    neighbourhood(id: $id, depth: 1, limit: 50) {
      nodes { id layout { x y } }
    }
  }
`;

describe("graph views in Apollo Client's InMemoryCache", () => {
  let server: TestServer;
  let client: ApolloClient;
  beforeAll(async () => {
    server = await startTestServer();
    client = new ApolloClient({ link: new HttpLink({ uri: `${server.baseUrl}/graphql` }), cache: new InMemoryCache() });
  });
  afterAll(() => server.close());

  it("keeps each view as it was sent: UNICEF's, read back after Operation Zhusan's", async () => {
    const unicef = await client.query({ query: VIEW, variables: { id: "org:unicef" } });
    const zhusan = await client.query({ query: VIEW, variables: { id: "program:operation-zhusan" } });
    const unicefNodes = (unicef.data as any).neighbourhood.viewNodes as Array<{ key: string; layout: { x: number; y: number } }>;
    const zhusanNodes = (zhusan.data as any).neighbourhood.viewNodes as typeof unicefNodes;

    // The two views share nodes and place them differently: the case a cache can get wrong.
    const shared = unicefNodes.filter((n) => zhusanNodes.some((m) => m.key === n.key && (m.layout.x !== n.layout.x || m.layout.y !== n.layout.y)));
    expect(shared.length).toBeGreaterThan(0);

    const cached = client.readQuery({ query: VIEW, variables: { id: "org:unicef" } });
    expect(cached).toEqual(unicef.data);
    const root = unicefNodes.find((n) => n.key === "org:unicef")!;
    expect(root.layout).toMatchObject({ x: 0, y: 0 });
  });

  it("viewNodes are the view's nodes, in the same order, with the same positions as the deprecated fields", async () => {
    const res = await server.gql(`{ shortestPath(from: "person:stevan-weine", to: "country:KZ") {
      nodes { id type label layout { x y } properties } viewNodes { key type label layout { x y } properties } } }`);
    const { nodes, viewNodes } = res.body.data.shortestPath;
    expect(viewNodes.length).toBeGreaterThan(2);
    expect(viewNodes).toEqual(nodes.map(({ id, ...rest }: any) => ({ key: id, ...rest })));
  });

  it("the deprecated GraphNode.layout is not cache-safe, which is why it moved", async () => {
    const unicef = await client.query({ query: OLD_VIEW, variables: { id: "org:unicef" } });
    await client.query({ query: OLD_VIEW, variables: { id: "program:operation-zhusan" } });
    const cached = client.readQuery({ query: OLD_VIEW, variables: { id: "org:unicef" } }) as any;
    const before = new Map(((unicef.data as any).neighbourhood.nodes as any[]).map((n) => [n.id, n.layout]));
    const moved = (cached.neighbourhood.nodes as any[]).filter((n) => JSON.stringify(n.layout) !== JSON.stringify(before.get(n.id)));
    expect(moved.length).toBeGreaterThan(0);
  });
});
