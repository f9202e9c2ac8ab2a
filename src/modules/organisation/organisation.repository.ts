import { NODE_VALUE } from "../common/entity.js";
import { AFTER_NAME_ID, BY_NAME_ID, type ListQueries } from "../common/list.repository.js";

export const ORGANISATIONS: ListQueries = {
  page: `
MATCH (n:Organisation) WHERE ${AFTER_NAME_ID}
RETURN ${NODE_VALUE("n")} AS value ORDER BY ${BY_NAME_ID} LIMIT $limit`,
  count: `MATCH (n:Organisation) RETURN count(n) AS count`,
};

export const PARENT_BY_ORGANISATION = `
UNWIND $keys AS key
MATCH (:Organisation {id: key})-[:PART_OF]->(p:Organisation)
RETURN key, ${NODE_VALUE("p")} AS value`;

export const COUNTRY_BY_ORGANISATION = `
UNWIND $keys AS key
MATCH (:Organisation {id: key})-[:BASED_IN]->(c:Country)
RETURN key, ${NODE_VALUE("c")} AS value`;

export const UNITS_BY_ORGANISATION = `
UNWIND $keys AS key
MATCH (u:Organisation)-[:PART_OF]->(:Organisation {id: key})
WITH key, u ORDER BY u.name, u.id
RETURN key, collect(${NODE_VALUE("u")}) AS value`;
