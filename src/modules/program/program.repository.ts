import { OPERATES_IN, PARTICIPANT_ROLES, PROGRAM_ROLES } from "../../graph/model.js";
import { NODE_VALUE } from "../common/entity.js";
import { AFTER_NAME_ID, BY_NAME_ID, type ListQueries } from "../common/list.repository.js";

export const PROGRAMS: ListQueries = {
  page: `
MATCH (n:Program) WHERE ${AFTER_NAME_ID}
RETURN ${NODE_VALUE("n")} AS value ORDER BY ${BY_NAME_ID} LIMIT $limit`,
  count: `MATCH (n:Program) RETURN count(n) AS count`,
};

// Relationship types come from the model's constants, never from input.
const PARTICIPANT_TYPES = PARTICIPANT_ROLES.join("|");
/** Orders participations by role as PROGRAM_ROLES lists them (RUNS first), then by name. */
const ROLE_RANK = `[i IN range(0, size($roles) - 1) WHERE $roles[i] = type(r)][0]`;
const PARTICIPATION = (program: string, participant: string) =>
  `{role: type(r), rel: properties(r), program: ${NODE_VALUE(program)}, participant: ${NODE_VALUE(participant)}}`;

/** Programs an entity takes part in, and (for places) programs operating in it. */
export const PARTICIPATIONS_BY_PARTICIPANT = `
UNWIND $keys AS key
MATCH (x:Entity {id: key})
CALL (x) {
  MATCH (x)-[r:${PARTICIPANT_TYPES}]->(g:Program) RETURN r, g
  UNION
  MATCH (x)<-[r:${OPERATES_IN}]-(g:Program) RETURN r, g
}
WITH key, x, r, g ORDER BY ${ROLE_RANK}, g.name, g.id
RETURN key, collect(${PARTICIPATION("g", "x")}) AS value`;

/** Everyone taking part in a program, and the places it operates in. */
export const PARTICIPATIONS_BY_PROGRAM = `
UNWIND $keys AS key
MATCH (g:Program {id: key})
CALL (g) {
  MATCH (x:Entity)-[r:${PARTICIPANT_TYPES}]->(g) RETURN r, x
  UNION
  MATCH (g)-[r:${OPERATES_IN}]->(x:Entity) RETURN r, x
}
WITH key, g, r, x ORDER BY ${ROLE_RANK}, x.name, x.id
RETURN key, collect(${PARTICIPATION("g", "x")}) AS value`;

export const ROLE_PARAMS = { roles: [...PROGRAM_ROLES] };
