import { NODE_VALUE } from "../common/entity.js";
import { AFTER_NAME_ID, BY_NAME_ID, type ListQueries } from "../common/list.repository.js";

export const COUNTRIES: ListQueries = {
  page: `
MATCH (n:Country) WHERE ${AFTER_NAME_ID}
RETURN ${NODE_VALUE("n")} AS value ORDER BY ${BY_NAME_ID} LIMIT $limit`,
  count: `MATCH (n:Country) RETURN count(n) AS count`,
};

export const REGIONS_BY_COUNTRY = `
UNWIND $keys AS key
MATCH (:Country {id: key})-[:IN_REGION]->(r:Region)
WITH key, r ORDER BY r.name, r.id
RETURN key, collect(${NODE_VALUE("r")}) AS value`;

export const COUNTRY_BY_REGION = `
UNWIND $keys AS key
MATCH (:Region {id: key})-[:IN_COUNTRY]->(c:Country)
RETURN key, ${NODE_VALUE("c")} AS value`;
