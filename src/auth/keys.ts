import { randomBytes, scrypt as scryptCb, timingSafeEqual, type BinaryLike, type ScryptOptions } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { z } from "zod";
import { ROLES, type Role } from "../shared/caller.js";

/**
 * API keys: `kg_<id>_<secret>`. The id finds the key's node; the secret is kept only as its scrypt
 * hash (with a salt of its own), so the graph holds nothing a caller could present. A key is
 * shown once, when it is created.
 *
 *   (:ApiKey {id, name, role, hash, salt, createdAt, revokedAt})   never an Entity: no read shows it
 */
export const API_KEY = "ApiKey";

const KEY = /^kg_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1 };

const scrypt = (secret: BinaryLike, salt: BinaryLike) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(secret, salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));

export const NewKey = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  role: z.enum(ROLES as [Role, ...Role[]]),
});

export interface ApiKeyInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

/** The id and secret of a presented key, or null when it is not shaped like one. */
export function parseKey(key: string): { id: string; secret: string } | null {
  const m = KEY.exec(key);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function randomId(): string {
  return [...randomBytes(12)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
}

/** Creates a key; the only time its secret is known. */
export async function createApiKey(driver: Driver, database: string, input: { name: string; role: string }): Promise<ApiKeyInfo & { key: string }> {
  const { name, role } = NewKey.parse(input);
  const id = randomId();
  const secret = randomBytes(32).toString("base64url");
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt);
  const createdAt = new Date().toISOString();
  await driver.executeQuery(
    `CREATE (k:${API_KEY} {id: $id, name: $name, role: $role, hash: $hash, salt: $salt, createdAt: $createdAt})`,
    { id, name, role, hash: hash.toString("base64"), salt: salt.toString("base64"), createdAt },
    { database },
  );
  return { id, name, role, createdAt, revokedAt: null, key: `kg_${id}_${secret}` };
}

export async function listApiKeys(driver: Driver, database: string): Promise<ApiKeyInfo[]> {
  const { records } = await driver.executeQuery(
    `MATCH (k:${API_KEY}) RETURN k {.id, .name, .role, .createdAt, .revokedAt} AS k ORDER BY k.createdAt, k.id`,
    {},
    { database, routing: "READ" },
  );
  return records.map((r) => ({ revokedAt: null, ...r.get("k") }));
}

/** Revokes a key: true when it was active. */
export async function revokeApiKey(driver: Driver, database: string, id: string): Promise<boolean> {
  const { records } = await driver.executeQuery(
    `MATCH (k:${API_KEY} {id: $id}) WHERE k.revokedAt IS NULL SET k.revokedAt = $now RETURN k.id`,
    { id, now: new Date().toISOString() },
    { database },
  );
  return records.length > 0;
}

/** The key's holder when the secret matches an active key; null otherwise. Constant-time comparison. */
export async function checkKey(driver: Driver, database: string, key: string): Promise<{ id: string; name: string; role: Role } | null> {
  const parsed = parseKey(key);
  if (!parsed) return null;
  const { records } = await driver.executeQuery(
    `MATCH (k:${API_KEY} {id: $id}) WHERE k.revokedAt IS NULL RETURN k {.id, .name, .role, .hash, .salt} AS k`,
    { id: parsed.id },
    { database, routing: "READ" },
  );
  const stored = records[0]?.get("k") as { id: string; name: string; role: Role; hash: string; salt: string } | undefined;
  // Hash anyway when there is no such key, so the answer's timing does not tell which ids exist.
  const hash = await scrypt(parsed.secret, stored ? Buffer.from(stored.salt, "base64") : Buffer.alloc(16));
  if (!stored) return null;
  const expected = Buffer.from(stored.hash, "base64");
  return expected.length === hash.length && timingSafeEqual(expected, hash) ? { id: stored.id, name: stored.name, role: stored.role } : null;
}
