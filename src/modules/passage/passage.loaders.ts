import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import { relationLoader } from "../common/relation.js";
import { DOCUMENT_BY_PASSAGE, MENTIONS_BY_PASSAGE, SPEAKER_BY_PASSAGE } from "./passage.repository.js";

/** Loaders of passage data; created per request. */
export function createPassageLoaders(db: RequestDb, config: Config) {
  return {
    speaker: relationLoader(db, config, SPEAKER_BY_PASSAGE),
    document: relationLoader(db, config, DOCUMENT_BY_PASSAGE),
    mentions: relationLoader(db, config, MENTIONS_BY_PASSAGE),
  };
}
