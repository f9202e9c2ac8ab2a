import neo4j from "neo4j-driver";
import type { Config } from "../../config/config.js";
import { Label } from "../../graph/model.js";
import { toNumber } from "../../shared/neo4j-values.js";
import { asEntities, asEntity } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import { AFTER_NAME_ID, BY_NAME_ID, type ListQueries, type PageQuery } from "../common/list.repository.js";
import type { Relation } from "../common/relation.js";
import type { Mention } from "../passage/mention.type.js";

export interface ReferenceRow {
  entity: Entity;
  mentionCount: number;
  mentions: Mention[];
}

function asReferences(value: unknown): ReferenceRow[] {
  const rows = (value as Array<{ node: unknown; mentionCount: unknown; mentions: Array<Record<string, unknown>> }>) ?? [];
  return rows.flatMap((row) => {
    const entity = asEntity(row.node);
    if (!entity) return [];
    const mentions = row.mentions.map((m) => ({
      surface: String(m.surface),
      start: toNumber(m.start),
      end: toNumber(m.end),
      passageId: String(m.passageId),
    }));
    return [{ entity, mentionCount: toNumber(row.mentionCount), mentions }];
  });
}

function asRoles(value: unknown): Array<{ role: string; event: Entity }> {
  return ((value as Array<{ role: string; event: unknown }>) ?? []).flatMap((r) => {
    const event = asEntity(r.event);
    return event ? [{ role: r.role, event }] : [];
  });
}

/** People with a role (speaker, moderator, welcome) at an event, by name. */
export const SPEAKERS: ListQueries = {
  page: (node) => `
MATCH (n:Person) WHERE EXISTS { (n)-[:SPOKE_AT]->(:Event) } AND ${AFTER_NAME_ID}
WITH n ORDER BY ${BY_NAME_ID} LIMIT $limit
RETURN ${node("n")} AS value`,
  count: `MATCH (n:Person) WHERE EXISTS { (n)-[:SPOKE_AT]->(:Event) } RETURN count(n) AS count`,
};

export const AFFILIATIONS_BY_PERSON: Relation<Entity[]> = {
  parentLabel: Label.Person,
  rows: (node) => `
MATCH (parent)-[:AFFILIATED_WITH]->(o:Organisation)
WITH o ORDER BY o.name, o.id
RETURN ${node("o")} AS value`,
  map: asEntities,
  missing: [],
};

export const ROLES_BY_PERSON: Relation<Array<{ role: string; event: Entity }>> = {
  parentLabel: Label.Person,
  rows: (node) => `
MATCH (parent)-[r:SPOKE_AT]->(e:Event)
WITH r, e ORDER BY e.date, e.id
RETURN {role: r.role, event: ${node("e", ["event"])}} AS value`,
  map: asRoles,
  missing: [],
};

/** Evidence of a reference: its mentions, at most the largest `first` (the field slices them). */
const evidenceParams = (config: Config) => ({ maxEvidence: neo4j.int(config.MAX_PAGE_SIZE) });

/**
 * The mentions along `pattern` (binding `m` and its passage `pa`), in document order. A COLLECT
 * subquery rather than count()/collect(): Neo4j 5.26 rejects aggregating functions in a subquery
 * nested in a map projection, which is how prefetched relations are returned.
 */
const mentions = (pattern: string) =>
  `COLLECT { MATCH ${pattern} WITH m, pa ORDER BY m.start RETURN {surface: m.surface, start: m.start, end: m.end, passageId: pa.id} }`;

/**
 * Entities of one label mentioned in the passages a person SAID: most-mentioned first, then by
 * name; each with its mentions in document order (at most $maxEvidence). `field` is where the
 * entity sits in the GraphQL reference type.
 */
function referencedBy(label: string, field: string): Relation<ReferenceRow[]> {
  return {
    parentLabel: Label.Person,
    rows: (node) => `
MATCH (parent)-[:SAID]->(:Passage)-[:MENTIONS]->(e:${label})
WITH DISTINCT parent, e
WITH e, ${mentions("(parent)-[:SAID]->(pa:Passage)-[m:MENTIONS]->(e)")} AS mentions
ORDER BY size(mentions) DESC, e.name, e.id
RETURN {node: ${node("e", [field])}, mentionCount: size(mentions), mentions: mentions[0..$maxEvidence]} AS value`,
    map: asReferences,
    missing: [],
    params: evidenceParams,
  };
}

export const ORGANISATIONS_REFERENCED_BY_PERSON = referencedBy(Label.Organisation, "organisation");
export const COUNTRIES_REFERENCED_BY_PERSON = referencedBy(Label.Country, "country");

/** The mirror: people whose passages mention an entity, most-mentioning first. */
export const PEOPLE_REFERENCING: Relation<ReferenceRow[]> = {
  parentLabel: Label.Entity,
  rows: (node) => `
MATCH (parent)<-[:MENTIONS]-(:Passage)<-[:SAID]-(p:Person)
WITH DISTINCT parent, p
WITH p, ${mentions("(parent)<-[m:MENTIONS]-(pa:Passage)<-[:SAID]-(p)")} AS mentions
ORDER BY size(mentions) DESC, p.name, p.id
RETURN {node: ${node("p", ["person"])}, mentionCount: size(mentions), mentions: mentions[0..$maxEvidence]} AS value`,
  map: asReferences,
  missing: [],
  params: evidenceParams,
};

/** A page of the passages a person said, in document order; keys are `{speakerId, after, limit}`. */
export const PASSAGES_BY_SPEAKER_PAGE: PageQuery = (node) => `
UNWIND $keys AS key
CALL (key) {
  MATCH (:Person {id: key.speakerId})-[:SAID]->(n:Passage)
  WHERE key.after IS NULL OR n.start > key.after[0] OR (n.start = key.after[0] AND n.id > key.after[1])
  WITH n ORDER BY n.start, n.id
  WITH key, collect(n) AS rows
  RETURN [n IN rows[0..toInteger(key.limit)] | ${node("n")}] AS value
}
RETURN key.i AS key, value`;

export const PASSAGES_BY_SPEAKER_COUNT = `
UNWIND $keys AS key
OPTIONAL MATCH (:Person {id: key})-[:SAID]->(n:Passage)
RETURN key, count(n) AS value`;
