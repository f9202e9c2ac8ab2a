import type { Driver } from "neo4j-driver";
import { LRUCache } from "lru-cache";
import { RequestDb } from "../db/request-db.js";
import type { Neo4jOutage } from "../db/outage.js";
import { ROLES, type Caller, type Role } from "../shared/caller.js";
import { unauthenticated } from "../shared/errors.js";
import { keyDigest, parseKey, secretMatches } from "./secret.js";

/** How long a verified key is trusted without asking Neo4j again (and so how late another process sees a revocation). */
export const VERIFIED_KEY_TTL_MS = 30_000;
const VERIFIED_KEYS_MAX = 1_000;

/**
 * Revocations made by this process so far. A verifier that sees the count change drops every key
 * it verified, so a key revoked here (revokeApiKey) fails on the next request.
 */
let revocations = 0;

/** Drops every verified key of every verifier of this process (revokeApiKey calls it). */
export function forgetVerifiedKeys(): void {
  revocations += 1;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export interface KeyVerifierOptions {
  /** READ_TIMEOUT_MS: how long the lookup of a key may take. */
  timeoutMs?: number;
  /** The process's knowledge of an outage: the lookup waits for its probe rather than trying Neo4j. */
  outage?: Neo4jOutage;
  /** How long a verified key is trusted: VERIFIED_KEY_TTL_MS unless given. */
  cacheTtlMs?: number;
}

/**
 * Checks the `authorization` header of requests against the keys in Neo4j. One per process.
 *
 * A key verified once is trusted for VERIFIED_KEY_TTL_MS (keyed by the SHA-256 of the whole key,
 * at most 1,000 keys), so scrypt runs once per key and half-minute, not once per request; requests
 * arriving together with the same new key share one verification. Failures are not cached.
 *
 * Messages never quote the header or any part of the key.
 */
export class KeyVerifier {
  private readonly verified: LRUCache<string, Caller>;
  private readonly pending = new Map<string, Promise<Caller>>();
  private seenRevocations = revocations;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly options: KeyVerifierOptions = {},
  ) {
    this.verified = new LRUCache({ max: VERIFIED_KEYS_MAX, ttl: options.cacheTtlMs ?? VERIFIED_KEY_TTL_MS });
  }

  /**
   * The caller a request's `authorization` header names: null without the header; UNAUTHENTICATED
   * when it is not `Bearer <key>`, or the key is unknown, its secret wrong, or it is revoked.
   */
  async verify(authorization: string | undefined): Promise<Caller | null> {
    if (authorization === undefined) return null;
    const key = BEARER.exec(authorization)?.[1];
    if (!key) throw unauthenticated("The Authorization header must be `Bearer <key>`.");
    const parts = parseKey(key);
    if (!parts) throw unauthenticated("The API key is not in this service's format (kg_<id>_<secret>).");

    if (this.seenRevocations !== revocations) {
      this.verified.clear();
      this.pending.clear();
      this.seenRevocations = revocations;
    }
    const digest = keyDigest(key);
    const known = this.verified.get(digest);
    if (known) return known;
    let running = this.pending.get(digest);
    if (!running) {
      const epoch = revocations;
      running = this.lookUp(parts.id, parts.secret).then((caller) => {
        // A revocation made while this one was looked up may be about it: not kept.
        if (epoch === revocations) this.verified.set(digest, caller);
        return caller;
      });
      this.pending.set(digest, running);
      void running.catch(() => {}).finally(() => this.pending.delete(digest));
    }
    return running;
  }

  private async lookUp(id: string, secret: string): Promise<Caller> {
    const db = new RequestDb(this.driver, this.database, {
      metadata: { app: "zhusan-knowledge-graph", purpose: "api-key" },
      timeoutMs: this.options.timeoutMs,
      outage: this.options.outage,
    });
    try {
      const { records } = await db.read(
        "MATCH (k:ApiKey {id: $id}) RETURN k.name AS name, k.role AS role, k.hash AS hash, k.salt AS salt, k.revokedAt IS NOT NULL AS revoked",
        { id },
      );
      const record = records[0];
      const role = record?.get("role") as Role | undefined;
      const hash = record?.get("hash");
      const salt = record?.get("salt");
      const valid =
        record !== undefined && typeof hash === "string" && typeof salt === "string" && ROLES.includes(role as Role) && (await secretMatches(secret, { hash, salt }));
      if (!valid) throw unauthenticated("The API key is not valid.");
      // Said only to whoever holds the secret.
      if (record.get("revoked") === true) throw unauthenticated("This API key has been revoked.");
      return { keyId: id, name: String(record.get("name")), role: role! };
    } finally {
      await db.close();
    }
  }
}
