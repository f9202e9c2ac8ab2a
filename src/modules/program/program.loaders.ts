import type { Config } from "../../config/config.js";
import type { RequestDb } from "../../db/request-db.js";
import { plainNode, relationLoader, type NodeRender } from "../common/relation.js";
import { PARTICIPATIONS_BY_PARTICIPANT, PARTICIPATIONS_BY_PROGRAM } from "./program.repository.js";

export type { ParticipationRow } from "./program.repository.js";

/** Loaders of program participation; created per request. */
export function createProgramLoaders(db: RequestDb, config: Config, node: NodeRender = plainNode) {
  return {
    /** Keyed by the participant's id (country, organisation, person, region). */
    byParticipant: relationLoader(db, config, PARTICIPATIONS_BY_PARTICIPANT, node),
    /** Keyed by the program's id. */
    byProgram: relationLoader(db, config, PARTICIPATIONS_BY_PROGRAM, node),
  };
}
