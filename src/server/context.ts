import type { Driver } from "neo4j-driver";
import type { Config } from "../config/config.js";
import type { Logger } from "../shared/logger.js";
import { RequestDb } from "../db/request-db.js";
import type { Neo4jOutage } from "../db/outage.js";
import type { Context } from "../data/context.js";
import type { ReadModel } from "../data/model.js";
import { Reader } from "../data/reader.js";
import type { Caller } from "../shared/caller.js";

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

/** What a request says of itself beyond its operation: who calls (its verified key) and its Idempotency-Key. */
export interface RequestFacts {
  caller: Caller | null;
  idempotencyKey: string | null;
}

/** A request's context: its own session (opened on first use) and its own reader and loaders. */
export function createContext(deps: RequestDbDeps & { logger: Logger; model: ReadModel }, requestId: string, facts: RequestFacts = { caller: null, idempotencyKey: null }): Context {
  const db = requestDb(deps, requestId);
  const logger = deps.logger.child({ requestId });
  return { requestId, config: deps.config, logger, db, read: new Reader(deps.model, db, deps.config, logger), ...facts };
}
