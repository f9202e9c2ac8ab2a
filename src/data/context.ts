import type { Config } from "../config/config.js";
import type { RequestDb } from "../db/request-db.js";
import type { Logger } from "../shared/logger.js";
import type { Caller } from "../shared/caller.js";
import type { Reader } from "./reader.js";

/**
 * What every resolver sees. Built fresh for each request (server/context.ts): its own session and
 * its own loaders, so nothing is cached across requests by accident.
 */
export interface Context {
  requestId: string;
  config: Config;
  logger: Logger;
  /** Who sent the request: its API key's id, name and role; null without a key (reads only). */
  caller: Caller | null;
  /** The request's database access: one session, one read transaction. */
  db: RequestDb;
  /** Reads declared fields: planned per root field, or level by level through loaders. */
  read: Reader;
  /** The request's Idempotency-Key header: a write retried with it is made once. */
  idempotencyKey: string | null;
}
