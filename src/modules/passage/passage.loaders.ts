import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import { plainNode, relationLoader, type NodeRender } from "../common/relation.js";
import { DOCUMENT_BY_PASSAGE, MENTIONS_BY_PASSAGE, SPEAKER_BY_PASSAGE } from "./passage.repository.js";

/** Loaders of passage data; created per request. */
export function createPassageLoaders(db: RequestDb, config: Config, node: NodeRender = plainNode) {
  return {
    speaker: relationLoader(db, config, SPEAKER_BY_PASSAGE, node),
    document: relationLoader(db, config, DOCUMENT_BY_PASSAGE, node),
    mentions: relationLoader(db, config, MENTIONS_BY_PASSAGE, node),
  };
}
