import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { encodeCursor } from "../../src/shared/paging.js";

const codes = (res: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) => (res.body.errors ?? []).map((e) => e.extensions?.code);

describe("errors: one enum of codes, no internals", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(["node", "person", "organisation", "country", "program"])("answers null without an error for an unknown id in %s", async (field) => {
    const res = await server.gql(`query ($id: ID!) { x: ${field}(id: $id) { id } }`, { id: "person:nobody-here" });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.x).toBeNull();
  });

  it("answers null for a well-formed id of another type, and node() resolves it by label", async () => {
    const res = await server.gql(`{
      person(id: "org:unicef") { id }
      country(id: "org:unicef") { id }
      node(id: "org:unicef") { __typename id ... on Organisation { acronym } }
      kz: node(id: "country:KZ") { __typename ... on Country { isoCode name } }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.person).toBeNull();
    expect(res.body.data.country).toBeNull();
    expect(res.body.data.node).toEqual({ __typename: "Organisation", id: "org:unicef", acronym: "UNICEF" });
    expect(res.body.data.kz).toEqual({ __typename: "Country", isoCode: "KZ", name: "Kazakhstan" });
  });

  it.each(["UNICEF", "org:", ":unicef", "Org:unicef", "org:un icef", "org:unicef/1", "org:ü", `org:${"a".repeat(200)}`, ""])(
    "refuses the malformed id %j with BAD_USER_INPUT",
    async (id) => {
      for (const query of [
        `query ($id: ID!) { node(id: $id) { id } }`,
        `query ($id: ID!) { person(id: $id) { id } }`,
        `query ($id: ID!) { claims(speakerId: $id) { totalCount } }`,
        `query ($id: ID!) { neighbourhood(id: $id) { truncated } }`,
      ]) {
        const res = await server.gql(query, { id });
        expect(res.status).toBe(200);
        expect(codes(res)).toEqual(["BAD_USER_INPUT"]);
      }
    },
  );

  it.each([
    ["first over the maximum", { first: 101 }],
    ["negative first", { first: -1 }],
    ["a cursor that is not base64 JSON", { after: "not-a-cursor!" }],
    ["a cursor of the wrong shape", { after: encodeCursor(["only-one"]) }],
    ["a cursor of a JSON object", { after: Buffer.from('{"a":1}').toString("base64url") }],
  ])("refuses %s with BAD_USER_INPUT", async (_name, args) => {
    const res = await server.gql(`query ($first: Int, $after: String) { organisations(first: $first, after: $after) { totalCount } }`, args);
    expect(codes(res)).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses a page size over the maximum as BAD_USER_INPUT naming the argument and the maximum, however large, before the cost", async () => {
    for (const query of [
      `{ speakers(first: 1000000000) { totalCount } }`,
      `{ speakers(first: 5) { edges { node { claims(first: 2000000000) { totalCount } } } } }`,
      `{ neighbourhood(id: "org:unicef", limit: 1000000000) { nodes { id } } }`,
    ]) {
      const res = await server.gql(query);
      expect(codes(res), query).toEqual(["BAD_USER_INPUT"]);
      expect(res.body.errors![0]!.message, query).toContain(`${server.config.MAX_PAGE_SIZE}`);
      expect(res.body.errors![0]!.extensions!.argumentName, query).toMatch(/^(first|limit)$/);
    }
  });

  it("refuses evidence(first:) over the maximum", async () => {
    const res = await server.gql(`{ person(id: "person:yerzhan-ashykbayev") { referencedOrganisations { evidence(first: 1000) { surface } } } }`);
    expect(codes(res)[0]).toBe("BAD_USER_INPUT");
  });

  it("labels parse and validation failures", async () => {
    expect(codes(await server.gql(`{ person(id: "x:y") { `))).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expect(codes(await server.gql(`{ person(id: "x:y") { shoeSize } }`))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("refuses a query deeper than MAX_QUERY_DEPTH before running it", async () => {
    let selection = "id";
    for (let i = 0; i < 12; i++) selection = `parent { ${selection} }`;
    const res = await server.gql(`{ a: organisation(id: "org:eurasia-center") { country { programs { program { participants { participant { id } } } } } } b: person(id: "person:noah-tucker") { affiliations { ${selection} } } }`);
    expect(codes(res)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(server.dbQueries(res)).toBe(0);
  });

  it("refuses a query costlier than MAX_QUERY_COST before running it", async () => {
    const res = await server.gql(`{ organisations(first: 100) { edges { node { id referencedBy { person { claims(first: 100) { edges { node { id text } } } } } } } } }`);
    expect(codes(res)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(res.body.errors?.[0]?.extensions?.maxCost).toBe(server.config.MAX_QUERY_COST);
    expect(server.dbQueries(res)).toBe(0);
  });

  it("refuses more aliases than MAX_ALIASES", async () => {
    const aliases = Array.from({ length: server.config.MAX_ALIASES + 1 }, (_, i) => `a${i}: node(id: "country:KZ") { id }`).join(" ");
    const res = await server.gql(`{ ${aliases} }`);
    expect(codes(res)).toEqual(["QUERY_TOO_COMPLEX"]);
  });
});

describe("when Neo4j is down", () => {
  let dev: TestServer;
  let prod: TestServer;
  beforeAll(async () => {
    // Port 1 on loopback: nothing listens, so every connection is refused at once.
    dev = await startTestServer({ NODE_ENV: "development" }, { neo4jUri: "bolt://127.0.0.1:1" });
    prod = await startTestServer({ NODE_ENV: "production" }, { neo4jUri: "bolt://127.0.0.1:1" });
  });
  afterAll(async () => {
    await dev.close();
    await prod.close();
  });

  it("answers SERVICE_UNAVAILABLE, not a server error", async () => {
    const res = await dev.gql(`{ country(id: "country:KZ") { name } }`);
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(res.body.data.country).toBeNull();
  });

  it("leaks nothing in production: no stack, no address, no driver message", async () => {
    const res = await prod.gql(`{ organisations { edges { node { id } } } }`);
    expect(codes(res)).toEqual(["SERVICE_UNAVAILABLE"]);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/stacktrace|127\.0\.0\.1|bolt|Neo4jError|at .*\.ts/i);
    const invalid = await prod.gql(`{ person(id: "x") { id } }`);
    expect(codes(invalid)).toEqual(["BAD_USER_INPUT"]);
    expect(JSON.stringify(invalid.body)).not.toContain("stacktrace");
  });
});
