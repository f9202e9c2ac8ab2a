import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { graphFingerprint, testDriver } from "../support/graph.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { createdKey, KEY, keysCli, removeKeys, storedHash } from "./support.js";

const QUERY = `{ country(id: "country:KZ") { name } }`;

describe("the keys command", () => {
  let driver: Driver;
  let server: TestServer;
  let original: Awaited<ReturnType<typeof graphFingerprint>>;
  const created: string[] = [];

  beforeAll(async () => {
    driver = testDriver();
    original = await graphFingerprint(driver);
    server = await startTestServer();
  });
  afterAll(async () => {
    await removeKeys(driver, created);
    // Nothing of the keys is left behind: the graph is what it was.
    expect(await graphFingerprint(driver)).toEqual(original);
    await server?.close();
    await driver?.close();
  });

  it("creates a key: printed once, with a line telling to store it, and never its hash", async () => {
    const result = await keysCli(["create", "--role", "curator", "--name", "  Aigerim  "]);
    expect(result.code).toBe(0);
    const { key, id } = createdKey(result.stdout);
    created.push(id);
    expect(result.stdout.split(key)).toHaveLength(2);
    expect(result.stdout).toMatch(new RegExp(`^Created API key ${id} for "Aigerim" \\(curator\\) at \\d{4}-\\d\\d-\\d\\dT`));
    expect(result.stdout).toMatch(/Store it now.*shown only this once/);
    const { hash, salt } = await storedHash(driver, id);
    expect(hash).toBeTruthy();
    for (const secretOrHash of [hash, salt, key.slice(16)]) expect(result.stderr).not.toContain(secretOrHash);
    for (const stored of [hash, salt]) expect(result.stdout).not.toContain(stored);
  });

  it("lists id, name, role, created and revoked, never a key or a hash", async () => {
    const result = await keysCli(["list"]);
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^id\s+name\s+role\s+created\s+revoked$/);
    const row = rows.find((line) => line.startsWith(created[0]!));
    expect(row).toMatch(new RegExp(`^${created[0]}\\s+Aigerim\\s+curator\\s+\\d{4}-\\d\\d-\\d\\dT\\S+\\s+-$`));
    expect(result.stdout.match(KEY)).toBeNull();
    const { hash, salt } = await storedHash(driver, created[0]!);
    expect(result.stdout).not.toContain(hash);
    expect(result.stdout).not.toContain(salt);
  });

  it("a key it created authenticates a GraphQL request; once revoked it is refused", async () => {
    const made = await keysCli(["create", "--role", "editor", "--name", "Stevan"]);
    const { key, id } = createdKey(made.stdout);
    created.push(id);
    const ok = await server.gql(QUERY, {}, { authorization: `Bearer ${key}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ data: { country: { name: "Kazakhstan" } } });

    // Revoked by another process before this server ever saw the key: refused at once.
    const other = await keysCli(["create", "--role", "admin", "--name", "Revoked first"]);
    const revokedFirst = createdKey(other.stdout);
    created.push(revokedFirst.id);
    const revoke = await keysCli(["revoke", revokedFirst.id]);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toMatch(new RegExp(`^Revoked API key ${revokedFirst.id} at \\d{4}-`));
    const refused = await server.gql(QUERY, {}, { authorization: `Bearer ${revokedFirst.key}` });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe("Bearer");
    expect(refused.body.errors).toEqual([{ message: "This API key has been revoked.", extensions: { code: "UNAUTHENTICATED" } }]);

    const listed = await keysCli(["list"]);
    expect(listed.stdout.split("\n").find((line) => line.startsWith(revokedFirst.id))).toMatch(/admin\s+\S+\s+\d{4}-\d\d-\d\dT\S+$/);
  });

  it("revoking a revoked key says so and exits 0; an unknown or malformed id exits 2", async () => {
    const again = await keysCli(["revoke", created[2]!]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^API key ${created[2]} was already revoked at \\d{4}-`));
    const unknown = await keysCli(["revoke", "AAAAAAAAAAAA"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^No API key has the id AAAAAAAAAAAA\./);
    const malformed = await keysCli(["revoke", "not-an-id"]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/an API key id is 12 letters and digits/);
  });

  it("exits 2 on bad input and creates nothing", async () => {
    const before = await keysCli(["list"]);
    const cases: Array<[string[], RegExp]> = [
      [["create", "--role", "owner", "--name", "X"], /role must be one of curator, editor, admin/],
      [["create", "--role", "curator", "--name", "   "], /name must not be empty/],
      [["create", "--role", "curator", "--name", "x".repeat(101)], /name must be at most 100 characters/],
      [["create", "--role", "curator"], /required option '-n, --name <name>' not specified/],
      [["rename"], /unknown command 'rename'/],
    ];
    for (const [args, message] of cases) {
      const result = await keysCli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout.match(KEY)).toBeNull();
    }
    expect((await keysCli(["list"])).stdout).toBe(before.stdout);
  });

  it("exits 1 when Neo4j cannot be reached", async () => {
    const result = await keysCli(["list"], { NEO4J_URI: "bolt://127.0.0.1:1", LOG_LEVEL: "silent" });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
  });
});
