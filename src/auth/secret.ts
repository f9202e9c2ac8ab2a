import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * The shape of an API key and how its secret is kept: `kg_<id>_<secret>`, where `<id>` is 12
 * letters and digits (public: listed, logged, named in errors' log lines) and `<secret>` 32 random
 * bytes in base64url (43 characters). Only a salted scrypt hash of the secret is stored.
 */
export const KEY_ID_LENGTH = 12;
const SECRET_BYTES = 32;
const SECRET_LENGTH = 43; // base64url of 32 bytes, without padding
const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export const KEY_ID_PATTERN = new RegExp(`^[A-Za-z0-9]{${KEY_ID_LENGTH}}$`);
const KEY_PATTERN = new RegExp(`^kg_([A-Za-z0-9]{${KEY_ID_LENGTH}})_([A-Za-z0-9_-]{${SECRET_LENGTH}})$`);

/** scrypt's cost: N=2^14, r=8, p=1 (16 MiB, tens of milliseconds), a 32-byte hash. */
const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1 };
const HASH_BYTES = 32;
const SALT_BYTES = 16;

export interface KeyParts {
  id: string;
  secret: string;
}

/** A new key: a fresh id and secret, and the key as the client will send it. */
export function newKey(): KeyParts & { key: string } {
  let id = "";
  for (let i = 0; i < KEY_ID_LENGTH; i += 1) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  return { id, secret, key: `kg_${id}_${secret}` };
}

/** The id and secret of a key in this service's format, else null. */
export function parseKey(key: string): KeyParts | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/** What the cache of verified keys is keyed by: never the key itself. */
export function keyDigest(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

function scryptHash(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, HASH_BYTES, SCRYPT, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

/** A fresh salt and the secret's hash under it, both base64. */
export async function hashSecret(secret: string): Promise<{ hash: string; salt: string }> {
  const salt = randomBytes(SALT_BYTES);
  return { hash: (await scryptHash(secret, salt)).toString("base64"), salt: salt.toString("base64") };
}

/** Whether `secret` hashes to the stored `hash` under `salt` (compared in constant time). */
export async function secretMatches(secret: string, stored: { hash: string; salt: string }): Promise<boolean> {
  const expected = Buffer.from(stored.hash, "base64");
  const actual = await scryptHash(secret, Buffer.from(stored.salt, "base64"));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
