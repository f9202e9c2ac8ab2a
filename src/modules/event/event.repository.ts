import { Label } from "../../graph/model.js";
import { asEntities, asEntity } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import type { Relation } from "../common/relation.js";
import type { ListQueries } from "../common/list.repository.js";

/** Events by date (as ISO text, so a Date or a string property sorts the same), then id. */
export const EVENTS: ListQueries = {
  page: (node) => `
MATCH (n:Event)
WITH n, toString(n.date) AS date
WHERE $after IS NULL OR date > $after[0] OR (date = $after[0] AND n.id > $after[1])
WITH n ORDER BY date, n.id LIMIT $limit
RETURN ${node("n")} AS value`,
  count: `MATCH (n:Event) RETURN count(n) AS count`,
};

export const HOSTS_BY_EVENT: Relation<Entity[]> = {
  parentLabel: Label.Event,
  rows: (node) => `
MATCH (o:Organisation)-[r:HOSTED]->(parent)
WITH o, r ORDER BY CASE r.role WHEN 'HOST' THEN 0 ELSE 1 END, o.name, o.id
RETURN ${node("o")} AS value`,
  map: asEntities,
  missing: [],
};

export const DOCUMENT_BY_EVENT: Relation<Entity | null> = {
  parentLabel: Label.Event,
  rows: (node) => `
MATCH (parent)-[:DOCUMENTED_BY]->(d:Document)
RETURN ${node("d")} AS value`,
  one: true,
  map: asEntity,
  missing: null,
};

function asParticipants(value: unknown): Array<{ role: string; person: Entity }> {
  return ((value as Array<{ role: string; person: unknown }>) ?? []).flatMap((r) => {
    const person = asEntity(r.person);
    return person ? [{ role: r.role, person }] : [];
  });
}

export const PARTICIPANTS_BY_EVENT: Relation<Array<{ role: string; person: Entity }>> = {
  parentLabel: Label.Event,
  rows: (node) => `
MATCH (p:Person)-[r:SPOKE_AT]->(parent)
WITH r, p ORDER BY r.start, p.name, p.id
RETURN {role: r.role, person: ${node("p", ["person"])}} AS value`,
  map: asParticipants,
  missing: [],
};
