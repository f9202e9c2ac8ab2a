import type { Driver } from "neo4j-driver";
import type { Config } from "../config/config.js";
import type { Logger } from "../shared/logger.js";
import { RequestDb } from "../db/request-db.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { Prefetcher } from "./prefetch.js";
import { NodeProjection } from "../modules/common/projection.js";

/**
 * What every resolver sees. Built fresh for each request: its own session and its own loaders,
 * so nothing is cached across requests by accident.
 */
export interface Context {
  requestId: string;
  config: Config;
  logger: Logger;
  db: RequestDb;
  /** Fresh per request: batches and caches never span requests. */
  loaders: Loaders;
  /** Reads the relations a client selected together with their parents, and primes `loaders`. */
  prefetch: Prefetcher;
  /** Which node properties the queries of this request read; told the operation before execution. */
  projection: NodeProjection;
}

export function createContext(deps: { driver: Driver; config: Config; logger: Logger }, requestId: string): Context {
  const db = new RequestDb(deps.driver, deps.config.NEO4J_DATABASE, { app: "zhusan-knowledge-graph", requestId });
  const projection = new NodeProjection();
  const loaders = createLoaders(db, deps.config, projection.node);
  return {
    requestId,
    config: deps.config,
    logger: deps.logger.child({ requestId }),
    db,
    loaders,
    prefetch: new Prefetcher(db, deps.config, loaders, projection),
    projection,
  };
}
