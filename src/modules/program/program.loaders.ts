import type { RequestDb } from "../../db/request-db.js";
import { plain } from "../../shared/neo4j-values.js";
import { asEntity, batchLoader } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import { mentionFromRelationship, type Mention } from "../passage/mention.type.js";
import { PARTICIPATIONS_BY_PARTICIPANT, PARTICIPATIONS_BY_PROGRAM, ROLE_PARAMS } from "./program.repository.js";

export interface ParticipationRow {
  role: string;
  program: Entity;
  participant: Entity;
  evidence: Mention[];
}

function asParticipations(value: unknown): ParticipationRow[] {
  const rows = (value as Array<{ role: string; rel: Record<string, unknown>; program: unknown; participant: unknown }>) ?? [];
  return rows.flatMap((row) => {
    const program = asEntity(row.program);
    const participant = asEntity(row.participant);
    if (!program || !participant) return [];
    const mention = mentionFromRelationship(plain(row.rel) as Record<string, unknown>);
    return [{ role: row.role, program, participant, evidence: mention ? [mention] : [] }];
  });
}

/** Loaders of program participation; created per request. */
export function createProgramLoaders(db: RequestDb) {
  return {
    /** Keyed by the participant's id (country, organisation, person, region). */
    byParticipant: batchLoader<string, ParticipationRow[]>(db, PARTICIPATIONS_BY_PARTICIPANT, asParticipations, [], ROLE_PARAMS),
    /** Keyed by the program's id. */
    byProgram: batchLoader<string, ParticipationRow[]>(db, PARTICIPATIONS_BY_PROGRAM, asParticipations, [], ROLE_PARAMS),
  };
}
