import type { Driver } from "neo4j-driver";
import type { Config } from "../config/config.js";
import type { Logger } from "../shared/logger.js";
import { RequestDb } from "../db/request-db.js";

/**
 * What every resolver sees. Built fresh for each request: its own session and its own loaders,
 * so nothing is cached across requests by accident.
 */
export interface Context {
  requestId: string;
  config: Config;
  logger: Logger;
  db: RequestDb;
}

export function createContext(deps: { driver: Driver; config: Config; logger: Logger }, requestId: string): Context {
  return {
    requestId,
    config: deps.config,
    logger: deps.logger.child({ requestId }),
    db: new RequestDb(deps.driver, deps.config.NEO4J_DATABASE, { app: "zhusan-knowledge-graph", requestId }),
  };
}
