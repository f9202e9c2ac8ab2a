import { Label } from "../../graph/model.js";
import { NODE_VALUE } from "../common/entity.js";
import { AFTER_NAME_ID, BY_NAME_ID, type ListQueries } from "../common/list.repository.js";

/** People with a role (speaker, moderator, welcome) at an event, by name. */
export const SPEAKERS: ListQueries = {
  page: `
MATCH (n:Person) WHERE EXISTS { (n)-[:SPOKE_AT]->(:Event) } AND ${AFTER_NAME_ID}
RETURN ${NODE_VALUE("n")} AS value ORDER BY ${BY_NAME_ID} LIMIT $limit`,
  count: `MATCH (n:Person) WHERE EXISTS { (n)-[:SPOKE_AT]->(:Event) } RETURN count(n) AS count`,
};

export const AFFILIATIONS_BY_PERSON = `
UNWIND $keys AS key
MATCH (:Person {id: key})-[:AFFILIATED_WITH]->(o:Organisation)
WITH key, o ORDER BY o.name, o.id
RETURN key, collect(${NODE_VALUE("o")}) AS value`;

export const ROLES_BY_PERSON = `
UNWIND $keys AS key
MATCH (:Person {id: key})-[r:SPOKE_AT]->(e:Event)
WITH key, r, e ORDER BY e.date, e.id
RETURN key, collect({role: r.role, event: ${NODE_VALUE("e")}}) AS value`;

/**
 * Entities of one label mentioned in the passages a person SAID: most-mentioned first, then by
 * name; each with its mentions in document order (at most $maxEvidence, the largest `first`).
 */
function referencedBy(label: string): string {
  return `
UNWIND $keys AS key
MATCH (:Person {id: key})-[:SAID]->(pa:Passage)-[m:MENTIONS]->(e:${label})
WITH key, e, m, pa ORDER BY m.start
WITH key, e, count(m) AS mentionCount,
     collect({surface: m.surface, start: m.start, end: m.end, passageId: pa.id})[0..$maxEvidence] AS mentions
ORDER BY mentionCount DESC, e.name, e.id
RETURN key, collect({node: ${NODE_VALUE("e")}, mentionCount: mentionCount, mentions: mentions}) AS value`;
}

export const ORGANISATIONS_REFERENCED_BY_PERSON = referencedBy(Label.Organisation);
export const COUNTRIES_REFERENCED_BY_PERSON = referencedBy(Label.Country);

/** The mirror: people whose passages mention an entity, most-mentioning first. */
export const PEOPLE_REFERENCING = `
UNWIND $keys AS key
MATCH (:Entity {id: key})<-[m:MENTIONS]-(pa:Passage)<-[:SAID]-(p:Person)
WITH key, p, m, pa ORDER BY m.start
WITH key, p, count(m) AS mentionCount,
     collect({surface: m.surface, start: m.start, end: m.end, passageId: pa.id})[0..$maxEvidence] AS mentions
ORDER BY mentionCount DESC, p.name, p.id
RETURN key, collect({node: ${NODE_VALUE("p")}, mentionCount: mentionCount, mentions: mentions}) AS value`;

/** A page of the passages a person said, in document order; keys are `{speakerId, after, limit}`. */
export const PASSAGES_BY_SPEAKER_PAGE = `
UNWIND $keys AS key
CALL (key) {
  MATCH (:Person {id: key.speakerId})-[:SAID]->(n:Passage)
  WHERE key.after IS NULL OR n.start > key.after[0] OR (n.start = key.after[0] AND n.id > key.after[1])
  WITH n ORDER BY n.start, n.id
  WITH key, collect(${NODE_VALUE("n")}) AS rows
  RETURN rows[0..toInteger(key.limit)] AS value
}
RETURN key.i AS key, value`;

export const PASSAGES_BY_SPEAKER_COUNT = `
UNWIND $keys AS key
OPTIONAL MATCH (:Person {id: key})-[:SAID]->(n:Passage)
RETURN key, count(n) AS value`;
