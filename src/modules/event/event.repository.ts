import { NODE_VALUE } from "../common/entity.js";
import type { ListQueries } from "../common/list.repository.js";

/** Events by date (as ISO text, so a Date or a string property sorts the same), then id. */
export const EVENTS: ListQueries = {
  page: `
MATCH (n:Event)
WITH n, toString(n.date) AS date
WHERE $after IS NULL OR date > $after[0] OR (date = $after[0] AND n.id > $after[1])
RETURN ${NODE_VALUE("n")} AS value ORDER BY date, n.id LIMIT $limit`,
  count: `MATCH (n:Event) RETURN count(n) AS count`,
};

export const HOSTS_BY_EVENT = `
UNWIND $keys AS key
MATCH (o:Organisation)-[r:HOSTED]->(:Event {id: key})
WITH key, o ORDER BY CASE r.role WHEN 'HOST' THEN 0 ELSE 1 END, o.name, o.id
RETURN key, collect(${NODE_VALUE("o")}) AS value`;

export const DOCUMENT_BY_EVENT = `
UNWIND $keys AS key
MATCH (:Event {id: key})-[:DOCUMENTED_BY]->(d:Document)
RETURN key, ${NODE_VALUE("d")} AS value`;

export const PARTICIPANTS_BY_EVENT = `
UNWIND $keys AS key
MATCH (p:Person)-[r:SPOKE_AT]->(:Event {id: key})
WITH key, r, p ORDER BY r.start, p.name, p.id
RETURN key, collect({role: r.role, person: ${NODE_VALUE("p")}}) AS value`;
