import { Label } from "../../graph/model.js";
import { asEntities, asEntity } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import type { Relation } from "../common/relation.js";
import { AFTER_NAME_ID, BY_NAME_ID, type ListQueries } from "../common/list.repository.js";

export const COUNTRIES: ListQueries = {
  page: (node) => `
MATCH (n:Country) WHERE ${AFTER_NAME_ID}
WITH n ORDER BY ${BY_NAME_ID} LIMIT $limit
RETURN ${node("n")} AS value`,
  count: `MATCH (n:Country) RETURN count(n) AS count`,
};

export const REGIONS_BY_COUNTRY: Relation<Entity[]> = {
  parentLabel: Label.Country,
  rows: (node) => `
MATCH (parent)-[:IN_REGION]->(r:Region)
WITH r ORDER BY r.name, r.id
RETURN ${node("r")} AS value`,
  map: asEntities,
  missing: [],
};

export const COUNTRY_BY_REGION: Relation<Entity | null> = {
  parentLabel: Label.Region,
  rows: (node) => `
MATCH (parent)-[:IN_COUNTRY]->(c:Country)
RETURN ${node("c")} AS value`,
  one: true,
  map: asEntity,
  missing: null,
};
