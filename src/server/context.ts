import type { Driver } from "neo4j-driver";
import type { Config } from "../config/config.js";
import type { Logger } from "../shared/logger.js";
import { RequestDb } from "../db/request-db.js";
import type { Context } from "../data/context.js";
import type { ReadModel } from "../data/model.js";
import { Reader } from "../data/reader.js";

export type { Context };

/** A request's context: its own session (opened on first use) and its own reader and loaders. */
export function createContext(deps: { driver: Driver; config: Config; logger: Logger; model: ReadModel }, requestId: string): Context {
  const db = new RequestDb(deps.driver, deps.config.NEO4J_DATABASE, { app: "zhusan-knowledge-graph", requestId }, deps.config.READ_TIMEOUT_MS);
  const logger = deps.logger.child({ requestId });
  return { requestId, config: deps.config, logger, db, read: new Reader(deps.model, db, deps.config, logger) };
}
