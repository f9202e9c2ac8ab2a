import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import { plainNode, relationLoader, type NodeRender } from "../common/relation.js";
import { DOCUMENT_BY_EVENT, HOSTS_BY_EVENT, PARTICIPANTS_BY_EVENT } from "./event.repository.js";

/** Loaders of event data; created per request. */
export function createEventLoaders(db: RequestDb, config: Config, node: NodeRender = plainNode) {
  return {
    hosts: relationLoader(db, config, HOSTS_BY_EVENT, node),
    document: relationLoader(db, config, DOCUMENT_BY_EVENT, node),
    participants: relationLoader(db, config, PARTICIPANTS_BY_EVENT, node),
  };
}
