import { createHash } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { LRUCache } from "lru-cache";
import type { Caller } from "../shared/caller.js";
import { unauthenticated } from "../shared/errors.js";
import { checkKey } from "./keys.js";

/** How long a verified key is trusted without asking the graph again. A write re-checks it in its transaction. */
export const KEY_CACHE_TTL_MS = 30_000;

/**
 * Verifies a request's `Authorization: Bearer <key>`, once per process per key and TTL: scrypt is
 * slow on purpose (tens of milliseconds), too slow to run on every request. A revoked key is
 * refused by every write at once (assertKeyActive, inside the write's transaction) and by reads
 * within KEY_CACHE_TTL_MS.
 */
export class KeyVerifier {
  private readonly cache = new LRUCache<string, Caller>({ max: 1000, ttl: KEY_CACHE_TTL_MS });

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  /** The caller, null without an Authorization header; UNAUTHENTICATED for a header or key that is not good. */
  async verify(authorization: string | undefined): Promise<Caller | null> {
    if (authorization === undefined) return null;
    const m = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
    if (!m) throw unauthenticated("Authorization must be: Bearer <API key>.");
    const digest = createHash("sha256").update(m[1]!).digest("hex");
    const cached = this.cache.get(digest);
    if (cached) return cached;
    const holder = await checkKey(this.driver, this.database, m[1]!);
    if (!holder) throw unauthenticated("The API key is not valid (unknown, mistyped or revoked).");
    const caller: Caller = { keyId: holder.id, name: holder.name, role: holder.role };
    this.cache.set(digest, caller);
    return caller;
  }
}
