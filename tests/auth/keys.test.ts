import { GraphQLError } from "graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { assertKeyActive, createApiKey, ensureKeySchema, listApiKeys, revokeApiKey, type CreatedApiKey } from "../../src/auth/keys.js";
import { forgetVerifiedKeys, KeyVerifier } from "../../src/auth/verifier.js";
import { graphFingerprint, testDriver } from "../support/graph.js";
import { removeKeys } from "./support.js";

/** The error `run` throws, for its code, status, headers and message. */
async function failure(run: () => unknown): Promise<GraphQLError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("API keys in Neo4j", () => {
  let driver: Driver;
  let database: string;
  let original: Awaited<ReturnType<typeof graphFingerprint>>;
  const created: CreatedApiKey[] = [];
  const make = async (role: "curator" | "editor" | "admin", name = `keys ${role}`) => {
    const key = await createApiKey(driver, database, { name, role });
    created.push(key);
    return key;
  };

  beforeAll(async () => {
    driver = testDriver();
    database = inject("neo4j").database;
    original = await graphFingerprint(driver);
    await ensureKeySchema(driver, database);
  });
  afterAll(async () => {
    await removeKeys(driver, created.map((k) => k.id));
    expect(await graphFingerprint(driver)).toEqual(original);
    await driver.close();
  });

  it("creates a key kg_<id>_<secret>, stored as an ApiKey node that is not an Entity, with only a hash of its secret", async () => {
    const key = await make("editor", "  Aigerim Nurlanovna ");
    expect(key).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9]{12}$/), key: expect.any(String), name: "Aigerim Nurlanovna", role: "editor", createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(key.key).toMatch(new RegExp(`^kg_${key.id}_[A-Za-z0-9_-]{43}$`));
    const { records } = await driver.executeQuery("MATCH (k {id: $id}) RETURN labels(k) AS labels, properties(k) AS props", { id: key.id }, { database });
    expect(records[0]!.get("labels")).toEqual(["ApiKey"]);
    const props = records[0]!.get("props");
    expect(Object.keys(props).sort()).toEqual(["createdAt", "hash", "id", "name", "role", "salt"]);
    expect(JSON.stringify(props)).not.toContain(key.key.slice(16));
    expect(Buffer.from(props.hash, "base64")).toHaveLength(32);
  });

  it("refuses a bad name or role with BAD_USER_INPUT, and writes nothing", async () => {
    const before = (await listApiKeys(driver, database)).length;
    const cases: Array<[unknown, unknown, string, string]> = [
      ["", "curator", "name must not be empty", "name"],
      [" \t ", "curator", "name must not be empty", "name"],
      ["x".repeat(101), "curator", "name must be at most 100 characters", "name"],
      ["a\u0007b", "curator", "name must not contain control characters", "name"],
      [42, "curator", "name must be a string", "name"],
      ["A", "owner", "role must be one of curator, editor, admin", "role"],
      ["A", undefined, "role must be one of curator, editor, admin", "role"],
    ];
    for (const [name, role, message, argumentName] of cases) {
      const error = await failure(() => createApiKey(driver, database, { name, role }));
      expect(error.message).toBe(message);
      expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", argumentName });
    }
    expect((await make("curator", "x".repeat(100))).name).toHaveLength(100);
    expect((await listApiKeys(driver, database)).length).toBe(before + 1);
  });

  it("lists keys without hashes or salts, revoked ones with their time", async () => {
    const key = await make("admin");
    expect(await revokeApiKey(driver, database, key.id)).toEqual({ existed: true, wasActive: true, revokedAt: expect.stringMatching(/^\d{4}-/) });
    const again = await revokeApiKey(driver, database, key.id);
    expect(again).toMatchObject({ existed: true, wasActive: false });
    expect(await revokeApiKey(driver, database, "ZZZZZZZZZZZZ")).toEqual({ existed: false, wasActive: false, revokedAt: null });
    expect((await failure(() => revokeApiKey(driver, database, "kg_x"))).extensions.code).toBe("BAD_USER_INPUT");
    const listed = await listApiKeys(driver, database);
    for (const entry of listed) expect(Object.keys(entry).sort()).toEqual(["createdAt", "id", "name", "revokedAt", "role"]);
    expect(listed.find((k) => k.id === key.id)).toEqual({ id: key.id, name: "keys admin", role: "admin", createdAt: key.createdAt, revokedAt: again.revokedAt });
  });

  it("the verifier trusts a verified key for its cache time, then sees a revocation made elsewhere", async () => {
    const key = await make("curator");
    const verifier = new KeyVerifier(driver, database, { cacheTtlMs: 500 });
    expect(await verifier.verify(`Bearer ${key.key}`)).toEqual({ keyId: key.id, name: "keys curator", role: "curator" });
    // As another process would revoke it: nothing tells this one.
    await driver.executeQuery("MATCH (k:ApiKey {id: $id}) SET k.revokedAt = datetime()", { id: key.id }, { database });
    expect((await verifier.verify(`Bearer ${key.key}`))?.keyId).toBe(key.id);
    await sleep(600);
    expect((await failure(() => verifier.verify(`Bearer ${key.key}`))).message).toBe("This API key has been revoked.");
  });

  it("forgetVerifiedKeys drops every verified key of the process at once", async () => {
    const key = await make("editor");
    const verifier = new KeyVerifier(driver, database);
    await verifier.verify(`Bearer ${key.key}`);
    await driver.executeQuery("MATCH (k:ApiKey {id: $id}) SET k.revokedAt = datetime()", { id: key.id }, { database });
    expect(await verifier.verify(`Bearer ${key.key}`)).not.toBeNull();
    forgetVerifiedKeys();
    const error = await failure(() => verifier.verify(`Bearer ${key.key}`));
    expect(error.extensions.code).toBe("UNAUTHENTICATED");
    expect(error.extensions.http).toEqual({ status: 401, headers: new Map([["www-authenticate", "Bearer"]]) });
  });

  it("verifies many requests with the same key at once; a wrong secret fails every time", async () => {
    const key = await make("admin");
    const verifier = new KeyVerifier(driver, database);
    const callers = await Promise.all(Array.from({ length: 20 }, () => verifier.verify(`Bearer ${key.key}`)));
    expect(new Set(callers.map((c) => c?.keyId))).toEqual(new Set([key.id]));
    const wrong = `Bearer ${key.key.slice(0, 16)}${"B".repeat(43)}`;
    expect((await failure(() => verifier.verify(wrong))).message).toBe("The API key is not valid.");
    expect((await failure(() => verifier.verify(wrong))).message).toBe("The API key is not valid.");
    expect(await verifier.verify(undefined)).toBeNull();
  });

  it("assertKeyActive, inside a write transaction: passes for an active key, UNAUTHENTICATED for a revoked or unknown one", async () => {
    const active = await make("editor");
    const revoked = await make("editor");
    await revokeApiKey(driver, database, revoked.id);
    const session = driver.session({ database });
    try {
      await expect(session.executeWrite((tx) => assertKeyActive(tx, active.id))).resolves.toBeUndefined();
      for (const id of [revoked.id, "ZZZZZZZZZZZZ"]) {
        const error = await failure(() => session.executeWrite((tx) => assertKeyActive(tx, id)));
        expect(error.message).toBe("This API key has been revoked.");
        expect(error.extensions.code).toBe("UNAUTHENTICATED");
      }
    } finally {
      await session.close();
    }
  });
});
