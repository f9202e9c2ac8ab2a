import { GraphQLError } from "graphql";
import type { Driver } from "neo4j-driver";
import type { Config } from "../config/config.js";
import type { Logger } from "../shared/logger.js";
import { RequestDb } from "../db/request-db.js";
import type { Neo4jOutage } from "../db/outage.js";
import { Neo4jUnavailableError } from "../db/errors.js";
import type { Context } from "../data/context.js";
import type { ReadModel } from "../data/model.js";
import { Reader } from "../data/reader.js";
import type { KeyVerifier } from "../auth/verifier.js";
import type { Caller } from "../shared/caller.js";
import type { IncomingHttpHeaders } from "node:http";
import { idempotencyKeyOf } from "./http-guards.js";
import { ErrorCode, unauthenticated } from "../shared/errors.js";

export type { Context };

/** What a request's database access is made from: the process's driver and what it knows of an outage. */
export interface RequestDbDeps {
  driver: Driver;
  config: Config;
  outage: Neo4jOutage;
}

/** A request's database access (the GraphQL API's and the downloads' alike). */
export function requestDb(deps: RequestDbDeps, requestId: string): RequestDb {
  return new RequestDb(deps.driver, deps.config.NEO4J_DATABASE, {
    metadata: { app: "zhusan-knowledge-graph", requestId },
    timeoutMs: deps.config.READ_TIMEOUT_MS,
    outage: deps.outage,
  });
}

/** What the caller of a request is found with: the process's key verifier, READ_ACCESS. */
export interface CallerDeps {
  config: Config;
  logger: Logger;
  verifier: KeyVerifier;
}

/**
 * The request's caller, from its `authorization` header (the GraphQL API's and the downloads'
 * alike): null without a key when READ_ACCESS is `open`. A key that is sent is checked whatever
 * READ_ACCESS says; a bad one is 401 UNAUTHENTICATED. Neo4j not answering the key's lookup is 503
 * SERVICE_UNAVAILABLE.
 */
export async function callerOf(deps: CallerDeps, authorization: string | undefined, requestId: string): Promise<Caller | null> {
  let caller: Caller | null;
  try {
    caller = await deps.verifier.verify(authorization);
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    if (error instanceof Neo4jUnavailableError) {
      throw new GraphQLError("The graph database is unavailable; try again shortly.", {
        originalError: error,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
      });
    }
    deps.logger.error({ err: error, requestId }, "API key check failed");
    throw error;
  }
  if (!caller && deps.config.READ_ACCESS === "key") throw unauthenticated("this service needs an API key: Authorization: Bearer <key>");
  return caller;
}

/**
 * A request's context: its caller (checked before anything else runs), its own session (opened on
 * first use) and its own reader and loaders.
 */
export async function createContext(
  deps: RequestDbDeps & CallerDeps & { model: ReadModel },
  requestId: string,
  headers: IncomingHttpHeaders,
): Promise<Context> {
  const caller = await callerOf(deps, headers.authorization, requestId);
  const idempotencyKey = idempotencyKeyOf(headers);
  const db = requestDb(deps, requestId);
  const logger = deps.logger.child(caller ? { requestId, keyId: caller.keyId } : { requestId });
  return { requestId, config: deps.config, logger, caller, idempotencyKey, db, read: new Reader(deps.model, db, deps.config, logger) };
}
