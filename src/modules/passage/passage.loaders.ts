import type { RequestDb } from "../../db/request-db.js";
import { toNumber } from "../../shared/neo4j-values.js";
import { batchLoader, entityLoader } from "../common/batch.js";
import type { Mention } from "./mention.type.js";
import { DOCUMENT_BY_PASSAGE, MENTIONS_BY_PASSAGE, SPEAKER_BY_PASSAGE } from "./passage.repository.js";

function asMentions(value: unknown): Mention[] {
  return ((value as Array<Record<string, unknown>>) ?? []).map((m) => ({
    surface: String(m.surface),
    start: toNumber(m.start),
    end: toNumber(m.end),
    passageId: String(m.passageId),
    entityId: String(m.entityId),
  }));
}

/** Loaders of passage data; created per request. */
export function createPassageLoaders(db: RequestDb) {
  return {
    speaker: entityLoader(db, SPEAKER_BY_PASSAGE),
    document: entityLoader(db, DOCUMENT_BY_PASSAGE),
    mentions: batchLoader<string, Mention[]>(db, MENTIONS_BY_PASSAGE, asMentions, []),
  };
}
