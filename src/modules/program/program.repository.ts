import { Label, OPERATES_IN, PARTICIPANT_ROLES, PROGRAM_ROLES } from "../../graph/model.js";
import { plain } from "../../shared/neo4j-values.js";
import { asEntity } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import type { Relation } from "../common/relation.js";
import { mentionFromRelationship, type Mention } from "../passage/mention.type.js";
import { AFTER_NAME_ID, BY_NAME_ID, type ListQueries } from "../common/list.repository.js";

export const PROGRAMS: ListQueries = {
  page: (node) => `
MATCH (n:Program) WHERE ${AFTER_NAME_ID}
WITH n ORDER BY ${BY_NAME_ID} LIMIT $limit
RETURN ${node("n")} AS value`,
  count: `MATCH (n:Program) RETURN count(n) AS count`,
};

// Relationship types come from the model's constants, never from input.
const PARTICIPANT_TYPES = PARTICIPANT_ROLES.join("|");
/** Orders participations by role as PROGRAM_ROLES lists them (RUNS first), then by name. */
const ROLE_RANK = `[i IN range(0, size($roles) - 1) WHERE $roles[i] = type(r)][0]`;

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

const roleParams = () => ({ roles: [...PROGRAM_ROLES] });

/** Programs an entity takes part in, and (for places) programs operating in it. */
export const PARTICIPATIONS_BY_PARTICIPANT: Relation<ParticipationRow[]> = {
  parentLabel: Label.Entity,
  rows: (node) => `
CALL (parent) {
  MATCH (parent)-[r:${PARTICIPANT_TYPES}]->(g:Program) RETURN r, g
  UNION
  MATCH (parent)<-[r:${OPERATES_IN}]-(g:Program) RETURN r, g
}
WITH parent, r, g ORDER BY ${ROLE_RANK}, g.name, g.id
RETURN {role: type(r), rel: properties(r), program: ${node("g", ["program"])}, participant: ${node("parent", ["participant"])}} AS value`,
  map: asParticipations,
  missing: [],
  params: roleParams,
};

/** Everyone taking part in a program, and the places it operates in. */
export const PARTICIPATIONS_BY_PROGRAM: Relation<ParticipationRow[]> = {
  parentLabel: Label.Program,
  rows: (node) => `
CALL (parent) {
  MATCH (x:Entity)-[r:${PARTICIPANT_TYPES}]->(parent) RETURN r, x
  UNION
  MATCH (parent)-[r:${OPERATES_IN}]->(x:Entity) RETURN r, x
}
WITH parent, r, x ORDER BY ${ROLE_RANK}, x.name, x.id
RETURN {role: type(r), rel: properties(r), program: ${node("parent", ["program"])}, participant: ${node("x", ["participant"])}} AS value`,
  map: asParticipations,
  missing: [],
  params: roleParams,
};
