import type { Driver, ManagedTransaction } from "neo4j-driver";
import { z } from "zod";
import { badInput, unauthenticated } from "../shared/errors.js";
import { ROLES, type Role } from "../shared/caller.js";
import { hashSecret, KEY_ID_PATTERN, newKey } from "./secret.js";
import { forgetVerifiedKeys } from "./verifier.js";

/**
 * API keys, kept in Neo4j as `(:ApiKey {id, name, role, hash, salt, createdAt, revokedAt})`.
 * Not an Entity: the seed loader, which replaces entities, leaves them alone, and no query of the
 * API reads them. The secret itself is never stored, only its salted scrypt hash (secret.ts), and
 * nothing here returns the hash.
 */

/** One id per key; also the index the verifier's lookup by id uses. */
export const KEY_SCHEMA_STATEMENT = "CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE";

export async function ensureKeySchema(driver: Driver, database: string): Promise<void> {
  await driver.executeQuery(KEY_SCHEMA_STATEMENT, {}, { database });
}

export interface ApiKeyInfo {
  id: string;
  name: string;
  role: Role;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null while the key is active. */
  revokedAt: string | null;
}

/** What creating a key returns: the only time the key itself is known. */
export interface CreatedApiKey {
  id: string;
  /** `kg_<id>_<secret>`: shown once, stored nowhere. */
  key: string;
  name: string;
  role: Role;
  createdAt: string;
}

const NewKey = z.object({
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .min(1, "name must not be empty")
    .max(100, "name must be at most 100 characters")
    .refine((name) => !/\p{Cc}/u.test(name), "name must not contain control characters"),
  role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` }),
});

/** Checks a new key's name and role; BAD_USER_INPUT naming the first problem otherwise. */
export function parseNewKey(input: { name: unknown; role: unknown }): { name: string; role: Role } {
  const parsed = NewKey.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw badInput(issue.message, String(issue.path[0] ?? ""));
}

function checkId(id: string): void {
  if (!KEY_ID_PATTERN.test(id)) throw badInput(`an API key id is 12 letters and digits; got "${id.slice(0, 20)}"`, "id");
}

/** Issues a key with this name and role. The key is in the result and nowhere else. */
export async function createApiKey(driver: Driver, database: string, input: { name: unknown; role: unknown }): Promise<CreatedApiKey> {
  const { name, role } = parseNewKey(input);
  const { id, secret, key } = newKey();
  const { hash, salt } = await hashSecret(secret);
  const { records } = await driver.executeQuery(
    `CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, salt: $salt, createdAt: datetime()})
     RETURN toString(k.createdAt) AS createdAt`,
    { id, name, role, hash, salt },
    { database, routing: "WRITE" },
  );
  return { id, key, name, role, createdAt: String(records[0]!.get("createdAt")) };
}

/** Every key, oldest first, revoked ones included; never their hashes. */
export async function listApiKeys(driver: Driver, database: string): Promise<ApiKeyInfo[]> {
  const { records } = await driver.executeQuery(
    `MATCH (k:ApiKey)
     RETURN k.id AS id, k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt
     ORDER BY k.createdAt, k.id`,
    {},
    { database, routing: "READ" },
  );
  return records.map((r) => ({
    id: r.get("id"),
    name: r.get("name"),
    role: r.get("role"),
    createdAt: r.get("createdAt"),
    revokedAt: r.get("revokedAt") ?? null,
  }));
}

export interface Revocation {
  /** A key with this id exists. */
  existed: boolean;
  /** It was active, and is revoked now (false: it was revoked already, or does not exist). */
  wasActive: boolean;
  /** When it was revoked (now, or earlier), when it exists. */
  revokedAt: string | null;
}

/**
 * Revokes the key with this id (a key revoked already keeps its first revocation time). This
 * process forgets the keys it verified at once; other processes within the verifier's cache time
 * (30 s), and every write re-checks its key in its own transaction (`assertKeyActive`).
 */
export async function revokeApiKey(driver: Driver, database: string, id: string): Promise<Revocation> {
  checkId(id);
  const { records } = await driver.executeQuery(
    `MATCH (k:ApiKey {id: $id})
     WITH k, k.revokedAt IS NULL AS wasActive
     SET k.revokedAt = coalesce(k.revokedAt, datetime())
     RETURN wasActive, toString(k.revokedAt) AS revokedAt`,
    { id },
    { database, routing: "WRITE" },
  );
  forgetVerifiedKeys();
  const record = records[0];
  if (!record) return { existed: false, wasActive: false, revokedAt: null };
  return { existed: true, wasActive: record.get("wasActive"), revokedAt: record.get("revokedAt") };
}

/**
 * For a write, inside its own transaction: the caller's key still exists and is not revoked,
 * as the transaction reads it (a key revoked after the request's verification, in another
 * process, within the verifier's cache time). UNAUTHENTICATED otherwise.
 */
export async function assertKeyActive(tx: ManagedTransaction, keyId: string): Promise<void> {
  const result = await tx.run("MATCH (k:ApiKey {id: $id}) RETURN k.revokedAt IS NULL AS active", { id: keyId });
  if (result.records[0]?.get("active") !== true) throw unauthenticated("This API key has been revoked.");
}
