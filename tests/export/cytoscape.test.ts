import cytoscape from "cytoscape";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { EXPORT, NEIGHBOURHOOD } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("Cytoscape.js JSON export", () => {
  it("loads into a headless Cytoscape with the neighbourhood's nodes and edges", async () => {
    const res = await fetch(`${server.baseUrl}/exports/graph.json?rootId=org:unicef&depth=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="zhusan-graph-org-unicef-depth-2.json"');
    const doc = await res.json();
    const cy = cytoscape({ headless: true, elements: doc.elements });

    const view = (await server.gql(NEIGHBOURHOOD, { id: "org:unicef", depth: 2 })).body.data.neighbourhood;
    expect(view.truncated).toBe(false);
    expect(cy.nodes().length).toBe(view.nodes.length);
    expect(cy.edges().length).toBe(view.edges.length);
    for (const n of view.nodes) {
      // One read serves both: the same kinds, the same labels, the same properties left out.
      expect(cy.getElementById(n.id).data("type")).toBe(n.type);
      expect(cy.getElementById(n.id).data("label")).toBe(n.label);
      expect(cy.getElementById(n.id).data()).not.toHaveProperty("turnLabel");
      expect(cy.getElementById(n.id).data()).not.toHaveProperty("searchText");
    }
    const partners = cy.getElementById("org:unicef-PARTNERS_IN->program:operation-zhusan");
    expect(partners.source().id()).toBe("org:unicef");
    expect(partners.data()).toMatchObject({ type: "PARTNERS_IN", passageId: expect.stringMatching(/^passage:/), start: expect.any(Number) });
    expect(cy.getElementById("org:unicef").data()).toMatchObject({ label: "United Nations Children's Fund", acronym: "UNICEF", type: "ORGANISATION" });
    expect(doc.data).toMatchObject({ rootId: "org:unicef", depth: 2, truncated: false });
  });

  it("exports the whole graph over GraphQL as the same elements as over HTTP", async () => {
    const res = await server.gql(EXPORT, { format: "CYTOSCAPE_JSON" });
    const http = await (await fetch(`${server.baseUrl}/exports/graph.json`)).text();
    expect(res.body.data.graphExport).toBe(http);
    const cy = cytoscape({ headless: true, elements: JSON.parse(http).elements });
    expect(cy.nodes().length).toBeGreaterThan(100);
    // Every edge joins two exported nodes.
    expect(cy.edges().filter((e) => e.source().empty() || e.target().empty()).length).toBe(0);
  });
});

describe("export errors", () => {
  it.each([
    ["?rootId=not%20an%20id", 400, "BAD_USER_INPUT"],
    ["?rootId=org:unicef&depth=4", 400, "BAD_USER_INPUT"],
    ["?rootId=org:unicef&depth=two", 400, "BAD_USER_INPUT"],
    ["?depth=2", 400, "BAD_USER_INPUT"],
    ["?rootId=org:unicef&includePassages=maybe", 400, "BAD_USER_INPUT"],
    ["?rootId=org:unicef&rootId=org:icrc", 400, "BAD_USER_INPUT"],
    ["?rootId=document:zhusan-2021-01-08", 400, "BAD_USER_INPUT"],
    ["?rootId=org:no-such-organisation", 404, "NOT_FOUND"],
  ])("GET /exports/graph.json%s → %i %s", async (query, status, code) => {
    const res = await fetch(`${server.baseUrl}/exports/graph.json${query}`);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = await res.json();
    expect(body).toEqual({ code, message: expect.any(String) });
  });

  it("answers 404 for an unknown format", async () => {
    expect((await fetch(`${server.baseUrl}/exports/graph.svg`)).status).toBe(404);
  });

  it("refuses bad arguments over GraphQL with BAD_USER_INPUT", async () => {
    for (const variables of [{ rootId: "org:unicef", depth: 0 }, { depth: 1 }, { rootId: "org:no-such-organisation" }]) {
      const res = await server.gql(EXPORT, { format: "GRAPHML", ...variables });
      expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});
