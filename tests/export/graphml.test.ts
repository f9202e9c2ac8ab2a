import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { EXPORT, isOfType, NEIGHBOURHOOD, parseXml } from "./support.js";

const GRAPHML_TYPES = ["boolean", "int", "long", "float", "double", "string"];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function graphml(query: string): Promise<{ text: string; doc: any; res: Response }> {
  const res = await fetch(`${server.baseUrl}/exports/graph.graphml${query}`);
  const text = await res.text();
  return { text, res, doc: parseXml(text, ["key", "node", "edge", "data"]) };
}

describe("GraphML export", () => {
  it("downloads as GraphML with typed keys, and every value matches its key's type", async () => {
    const { res, doc } = await graphml("?rootId=org:unicef&depth=2");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/graphml+xml; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="zhusan-graph-org-unicef-depth-2.graphml"');

    const root = doc.graphml;
    expect(root["@xmlns"]).toBe("http://graphml.graphdrawing.org/xmlns");
    const keys = new Map<string, { for: string; name: string; type: string }>();
    for (const key of root.key) {
      expect(["node", "edge", "graph"]).toContain(key["@for"]);
      expect(GRAPHML_TYPES).toContain(key["@attr.type"]);
      keys.set(key["@id"], { for: key["@for"], name: key["@attr.name"], type: key["@attr.type"] });
    }
    const nodeKeyNames = [...keys.values()].filter((k) => k.for === "node").map((k) => k.name);
    expect(nodeKeyNames).toEqual(expect.arrayContaining(["label", "type", "name", "start", "end", "text"]));
    expect(keys.get("node.start")?.type).toBe("int");
    expect(keys.get("edge.quote")?.type).toBe("string");

    const graph = root.graph;
    expect(graph["@edgedefault"]).toBe("directed");
    const check = (owner: "node" | "edge", data: any[]) => {
      for (const d of data ?? []) {
        const key = keys.get(d["@key"]);
        expect(key, `undeclared key ${d["@key"]}`).toBeDefined();
        expect(key!.for).toBe(owner);
        const value = typeof d === "object" ? (d["#text"] ?? "") : String(d);
        expect(isOfType(value, key!.type), `${d["@key"]}=${value} is not ${key!.type}`).toBe(true);
      }
    };
    for (const node of graph.node) check("node", node.data);
    for (const edge of graph.edge) check("edge", edge.data);

    // The graph's ids are XML name tokens, as GraphML requires of node ids; edges get e0, e1, …
    for (const node of graph.node) expect(node["@id"]).toMatch(/^[\w.:-]+$/);
    graph.edge.forEach((edge: any, i: number) => expect(edge["@id"]).toBe(`e${i}`));
  });

  it("holds the same nodes and edges as the neighbourhood query for the same root and depth", async () => {
    const view = (await server.gql(NEIGHBOURHOOD, { id: "org:unicef", depth: 2 })).body.data.neighbourhood;
    expect(view.truncated).toBe(false);
    const { doc } = await graphml("?rootId=org:unicef&depth=2");
    const nodes = doc.graphml.graph.node as any[];
    const edges = doc.graphml.graph.edge as any[];
    expect(nodes.map((n) => n["@id"]).sort()).toEqual(view.nodes.map((n: any) => n.id).sort());
    const stableIds = edges.map((e) => e.data.find((d: any) => d["@key"] === "edge.edgeId")["#text"]);
    expect(stableIds.sort()).toEqual(view.edges.map((e: any) => e.id).sort());
  });

  it("keeps the document's characters: ampersands, curly quotes and non-breaking spaces survive the round trip", async () => {
    const { text, doc } = await graphml("?rootId=org:atlantic-council&depth=1");
    expect(text).toContain("Rafik Hariri Center &amp; Middle East Programs");
    const name = (id: string) =>
      doc.graphml.graph.node.find((n: any) => n["@id"] === id).data.find((d: any) => d["@key"] === "node.name")["#text"];
    expect(name("org:rafik-hariri-center")).toBe("Rafik Hariri Center & Middle East Programs");
    const partOf = doc.graphml.graph.edge.find(
      (e: any) => e["@source"] === "org:rafik-hariri-center" && e.data.some((d: any) => d["#text"] === "PART_OF"),
    );
    expect(partOf.data.find((d: any) => d["@key"] === "edge.quote")["#text"]).toBe("Atlantic Council’s Rafik Hariri Center & Middle East Programs");
  });

  it("is the same document over GraphQL as over HTTP", async () => {
    const { text } = await graphml("?rootId=org:unicef&depth=1");
    const res = await server.gql(EXPORT, { format: "GRAPHML", rootId: "org:unicef", depth: 1 });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.graphExport).toBe(text);
    expect(server.dbQueries(res)).toBe(1);
  });
});
