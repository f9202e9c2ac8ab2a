import "reflect-metadata";
import { Ctx, Query, Resolver } from "type-graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Driver } from "neo4j-driver";
import type { Context } from "../../src/data/context.js";
import { requireRole } from "../../src/auth/roles.js";
import { createApiKey, revokeApiKey, type CreatedApiKey } from "../../src/auth/keys.js";
import type { Role } from "../../src/shared/caller.js";
import { graphFingerprint, testDriver } from "../support/graph.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { removeKeys, storedHash } from "./support.js";

/** Fields the API does not have, to see a resolver's view of the caller and its refusals. */
@Resolver()
class CallerProbeResolver {
  @Query(() => String, { nullable: true })
  whoAmI(@Ctx() ctx: Context): string | null {
    return ctx.caller ? `${ctx.caller.keyId} ${ctx.caller.name} ${ctx.caller.role}` : null;
  }

  @Query(() => String, { nullable: true })
  editorsOnly(@Ctx() ctx: Context): string {
    return requireRole(ctx.caller, "editor").name;
  }
}
const probes = { resolvers: [CallerProbeResolver] };

const QUERY = `{ country(id: "country:KZ") { name } }`;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const ACCEPTS = ["application/json", "application/graphql-response+json"];

let driver: Driver;
let original: Awaited<ReturnType<typeof graphFingerprint>>;
const keys: Partial<Record<Role | "revoked", CreatedApiKey>> = {};
/** Keys made by a test itself. */
const more: CreatedApiKey[] = [];
const allKeys = () => [...Object.values(keys), ...more];

beforeAll(async () => {
  driver = testDriver();
  original = await graphFingerprint(driver);
  const database = inject("neo4j").database;
  for (const role of ["curator", "editor", "admin"] as const) keys[role] = await createApiKey(driver, database, { name: `HTTP ${role}`, role });
  keys.revoked = await createApiKey(driver, database, { name: "HTTP revoked", role: "admin" });
  await revokeApiKey(driver, database, keys.revoked.id);
});
afterAll(async () => {
  await removeKeys(driver, allKeys().map((k) => k.id));
  expect(await graphFingerprint(driver)).toEqual(original);
  await driver.close();
});

describe("API keys with open reads (READ_ACCESS=open)", () => {
  let server: TestServer;
  const log: Array<Record<string, any>> = [];
  beforeAll(async () => {
    server = await startTestServer({}, { schemaExtension: probes, log, logLevel: "trace" });
  });
  afterAll(() => server.close());

  const post = (headers: Record<string, string>, query = QUERY) =>
    fetch(`${server.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });

  it("answers a query without a key, and one with a valid key, alike; a resolver sees the caller", async () => {
    const open = await server.gql(QUERY);
    const keyed = await server.gql(QUERY, {}, bearer(keys.curator!.key));
    expect(open.status).toBe(200);
    expect(keyed.status).toBe(200);
    expect(keyed.body).toEqual(open.body);
    expect((await server.gql("{ whoAmI }")).body).toEqual({ data: { whoAmI: null } });
    expect((await server.gql("{ whoAmI }", {}, bearer(keys.editor!.key))).body).toEqual({ data: { whoAmI: `${keys.editor!.id} HTTP editor editor` } });
    // The scheme is case-insensitive.
    expect((await server.gql("{ whoAmI }", {}, { authorization: `bearer ${keys.admin!.key}` })).body.data.whoAmI).toMatch(/admin$/);
  });

  const wrong: Array<[string, () => string, string]> = [
    ["another scheme", () => `Basic ${Buffer.from("neo4j:secret").toString("base64")}`, "The Authorization header must be `Bearer <key>`."],
    ["Bearer without a key", () => "Bearer ", "The Authorization header must be `Bearer <key>`."],
    ["an empty header", () => "", "The Authorization header must be `Bearer <key>`."],
    ["not a key of this service", () => "Bearer sk-0123456789abcdef", "The API key is not in this service's format (kg_<id>_<secret>)."],
    ["an unknown id", () => `Bearer kg_ZZZZZZZZZZZZ_${keys.curator!.key.slice(16)}`, "The API key is not valid."],
    ["a wrong secret", () => `Bearer ${keys.curator!.key.slice(0, 16)}${"A".repeat(43)}`, "The API key is not valid."],
    ["a revoked key", () => `Bearer ${keys.revoked!.key}`, "This API key has been revoked."],
  ];

  for (const accept of ACCEPTS) {
    it.each(wrong)(`refuses %s with 401 UNAUTHENTICATED and www-authenticate: Bearer (accept: ${accept})`, async (_name, header, message) => {
      const res = await post({ accept, authorization: header() });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
      expect(res.headers.get("content-type")).toContain(accept);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] });
      // Nothing of what was sent comes back.
      const sent = header().replace(/^\S+\s*/, "");
      if (sent) expect(text).not.toContain(sent.slice(-20));
    });
  }

  it("a bad key is refused on any request, even one that would not parse", async () => {
    const res = await post({ authorization: "Bearer nope" }, "{ country(");
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("a resolver's requireRole sets the status: 401 with www-authenticate without a key, 403 for a weaker role", async () => {
    const none = await server.gql("{ editorsOnly }");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    expect(none.body).toEqual({
      data: { editorsOnly: null },
      errors: [{ message: "this needs an API key: Authorization: Bearer <key>", locations: [{ line: 1, column: 3 }], path: ["editorsOnly"], extensions: { code: "UNAUTHENTICATED" } }],
    });
    const curator = await server.gql("{ editorsOnly }", {}, bearer(keys.curator!.key));
    expect(curator.status).toBe(403);
    expect(curator.headers.get("www-authenticate")).toBeNull();
    expect(curator.body.errors).toEqual([
      { message: "this needs the editor role; this API key has the curator role", locations: [{ line: 1, column: 3 }], path: ["editorsOnly"], extensions: { code: "FORBIDDEN" } },
    ]);
    for (const role of ["editor", "admin"] as const) {
      const ok = await server.gql("{ editorsOnly }", {}, bearer(keys[role]!.key));
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ data: { editorsOnly: `HTTP ${role}` } });
    }
  });

  it("a key revoked through revokeApiKey in this process is refused on the next request, though it was verified just before", async () => {
    const database = inject("neo4j").database;
    const key = await createApiKey(driver, database, { name: "HTTP revoked later", role: "curator" });
    more.push(key);
    expect((await server.gql(QUERY, {}, bearer(key.key))).status).toBe(200);
    expect((await server.gql(QUERY, {}, bearer(key.key))).status).toBe(200);
    expect(await revokeApiKey(driver, database, key.id)).toMatchObject({ existed: true, wasActive: true });
    const refused = await server.gql(QUERY, {}, bearer(key.key));
    expect(refused.status).toBe(401);
    expect(refused.body.errors![0]!.message).toBe("This API key has been revoked.");
  });

  it("a download with a bad key is refused the same way", async () => {
    const res = await fetch(`${server.baseUrl}/exports/graph.json?rootId=country:KZ`, { headers: { authorization: "Bearer kg_nope" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
    expect(await res.json()).toEqual({ code: "UNAUTHENTICATED", message: "The API key is not in this service's format (kg_<id>_<secret>)." });
  });

  it("no log line carries a key, a secret or a hash; the access log shows the header redacted", async () => {
    expect(log.length).toBeGreaterThan(10);
    const text = JSON.stringify(log);
    for (const key of allKeys()) {
      expect(text).not.toContain(key.key);
      expect(text).not.toContain(key.key.slice(16)); // the secret alone
      const { hash, salt } = await storedHash(driver, key.id);
      expect(text).not.toContain(hash);
      expect(text).not.toContain(salt);
    }
    expect(text).not.toContain("A".repeat(43));
    const lines = log.filter((line) => line.req?.headers?.authorization !== undefined);
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((line) => line.req.headers.authorization))).toEqual(new Set(["[redacted]"]));
  });
});

describe("a key checked while Neo4j does not answer", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { neo4jUri: "bolt://127.0.0.1:1" });
  });
  afterAll(() => server.close());

  it("is 503 SERVICE_UNAVAILABLE, not a refusal of the key nor a 500", async () => {
    const res = await server.gql(QUERY, {}, bearer(keys.curator!.key));
    expect(res.status).toBe(503);
    expect(res.headers.get("www-authenticate")).toBeNull();
    expect(res.body).toEqual({ errors: [{ message: "The graph database is unavailable; try again shortly.", extensions: { code: "SERVICE_UNAVAILABLE" } }] });
  });
});

describe("READ_ACCESS=key", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ READ_ACCESS: "key" });
  });
  afterAll(() => server.close());

  it("refuses a query without a key with 401 UNAUTHENTICATED, over POST and GET, under either response type", async () => {
    for (const accept of ACCEPTS) {
      const post = await fetch(`${server.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", accept }, body: JSON.stringify({ query: QUERY }) });
      const get = await fetch(`${server.baseUrl}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept } });
      for (const res of [post, get]) {
        expect(res.status).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe("Bearer");
        expect(await res.json()).toEqual({ errors: [{ message: "this service needs an API key: Authorization: Bearer <key>", extensions: { code: "UNAUTHENTICATED" } }] });
      }
    }
  });

  it("answers with a key, whatever its role", async () => {
    for (const role of ["curator", "editor", "admin"] as const) {
      const res = await server.gql(QUERY, {}, bearer(keys[role]!.key));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { country: { name: "Kazakhstan" } } });
    }
    const get = await fetch(`${server.baseUrl}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: "application/json", ...bearer(keys.curator!.key) } });
    expect(get.status).toBe(200);
  });

  it("keeps /healthz and /readyz open", async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server.baseUrl}/readyz`)).json()).toEqual({ status: "ready", neo4j: "up" });
  });

  it("downloads need the key too", async () => {
    const url = `${server.baseUrl}/exports/graph.json?rootId=country:KZ`;
    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe("Bearer");
    expect(await refused.json()).toEqual({ code: "UNAUTHENTICATED", message: "this service needs an API key: Authorization: Bearer <key>" });
    const ok = await fetch(url, { headers: bearer(keys.curator!.key) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/application\/json/);
  });
});
