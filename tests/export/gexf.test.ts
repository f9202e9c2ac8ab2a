import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { ENTITY_LABELS, ENTITY_REL_TYPES } from "../../src/modules/export/export.repository.js";
import { EXPORT, isOfType, NEIGHBOURHOOD, parseXml } from "./support.js";

const GEXF_TYPES = ["integer", "long", "double", "float", "boolean", "string"];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function parseGexf(text: string): any {
  return parseXml(text, ["attributes", "attribute", "node", "edge", "attvalue"]).gexf;
}

/** Checks declarations and typed values; returns the graph element. */
function checkTyped(gexf: any): any {
  expect(gexf["@xmlns"]).toBe("http://gexf.net/1.3");
  expect(gexf["@version"]).toBe("1.3");
  const graph = gexf.graph;
  expect(graph["@defaultedgetype"]).toBe("directed");
  const declared: Record<string, Map<string, string>> = { node: new Map(), edge: new Map() };
  for (const block of graph.attributes) {
    for (const a of block.attribute) {
      expect(GEXF_TYPES).toContain(a["@type"]);
      declared[block["@class"]]!.set(a["@id"], a["@type"]);
    }
  }
  expect(declared.node!.get("type")).toBe("string");
  for (const [owner, list] of [["node", graph.nodes.node], ["edge", graph.edges.edge]] as const) {
    for (const element of list) {
      expect(element["@id"]).toBeTruthy();
      for (const v of element.attvalues?.attvalue ?? []) {
        const type = declared[owner]!.get(v["@for"]);
        expect(type, `undeclared ${owner} attribute ${v["@for"]}`).toBeDefined();
        expect(isOfType(v["@value"], type!), `${v["@for"]}=${v["@value"]} is not ${type}`).toBe(true);
      }
    }
  }
  return graph;
}

describe("GEXF export", () => {
  it("downloads as GEXF 1.3 whose attributes are declared with types and whose values have them", async () => {
    const res = await fetch(`${server.baseUrl}/exports/graph.gexf?rootId=org:unicef&depth=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/gexf+xml; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="zhusan-graph-org-unicef-depth-1.gexf"');
    const graph = checkTyped(parseGexf(await res.text()));

    const view = (await server.gql(NEIGHBOURHOOD, { id: "org:unicef", depth: 1 })).body.data.neighbourhood;
    expect(graph.nodes.node.map((n: any) => n["@id"]).sort()).toEqual(view.nodes.map((n: any) => n.id).sort());
    expect(graph.edges.edge.map((e: any) => e["@id"]).sort()).toEqual(view.edges.map((e: any) => e.id).sort());

    const partners = graph.edges.edge.find((e: any) => e["@id"] === "org:unicef-PARTNERS_IN->program:operation-zhusan");
    expect(partners["@label"]).toBe("PARTNERS_IN");
    const quote = partners.attvalues.attvalue.find((v: any) => v["@for"] === "quote")["@value"];
    expect(quote).toBe("Kazakhstan is working with different agencies such as UNICEF, ICRC, OSCE and NGOs on the ground");
  });

  it("exports the whole entity graph: every node of the exported kinds and every relationship between them", async () => {
    const res = await server.gql(EXPORT, { format: "GEXF" });
    expect(res.body.errors).toBeUndefined();
    expect(server.dbQueries(res)).toBe(1);
    const graph = checkTyped(parseGexf(res.body.data.graphExport));

    // The graph itself, counted directly.
    const { records } = await server.driver.executeQuery(
      `MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $labels)
       WITH collect(n) AS nodes
       RETURN size(nodes) AS nodeCount,
              COUNT { MATCH (a)-[r]->(b) WHERE a IN nodes AND b IN nodes AND type(r) IN $types } AS edgeCount`,
      { labels: ENTITY_LABELS, types: ENTITY_REL_TYPES },
      { database: server.config.NEO4J_DATABASE },
    );
    expect(graph.nodes.node).toHaveLength(Number(records[0]!.get("nodeCount")));
    expect(graph.edges.edge).toHaveLength(Number(records[0]!.get("edgeCount")));
    const types = new Set(graph.nodes.node.map((n: any) => n.attvalues.attvalue.find((v: any) => v["@for"] === "type")["@value"]));
    expect([...types].sort()).toEqual(["CLAIM", "COUNTRY", "EVENT", "ORGANISATION", "PERSON", "PROGRAM", "REGION"]);
  });

  it("adds passages, with their text, and their links when asked", async () => {
    const res = await fetch(`${server.baseUrl}/exports/graph.gexf?rootId=passage:zhusan-2021-01-08-p093&includePassages=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("-passages.gexf");
    const graph = checkTyped(parseGexf(await res.text()));
    const passage = graph.nodes.node.find((n: any) => n["@id"] === "passage:zhusan-2021-01-08-p093");
    const attr = (name: string) => passage.attvalues.attvalue.find((v: any) => v["@for"] === name)?.["@value"];
    expect(attr("type")).toBe("PASSAGE");
    expect(attr("text")).toContain("There are many willing partners");
    const edgeTypes = new Set(graph.edges.edge.map((e: any) => e["@label"]));
    // The passage's own links, and the curated ones among its neighbours (the speaker MADE the claim).
    for (const type of ["SAID", "SUPPORTED_BY", "MENTIONS", "MADE"]) expect(edgeTypes).toContain(type);
  });
});
