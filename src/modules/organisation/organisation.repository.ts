import { Label } from "../../graph/model.js";
import { asEntities, asEntity } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import type { Relation } from "../common/relation.js";
import { AFTER_NAME_ID, BY_NAME_ID, type ListQueries } from "../common/list.repository.js";

export const ORGANISATIONS: ListQueries = {
  page: (node) => `
MATCH (n:Organisation) WHERE ${AFTER_NAME_ID}
WITH n ORDER BY ${BY_NAME_ID} LIMIT $limit
RETURN ${node("n")} AS value`,
  count: `MATCH (n:Organisation) RETURN count(n) AS count`,
};

export const PARENT_BY_ORGANISATION: Relation<Entity | null> = {
  parentLabel: Label.Organisation,
  rows: (node) => `
MATCH (parent)-[:PART_OF]->(p:Organisation)
RETURN ${node("p")} AS value`,
  one: true,
  map: asEntity,
  missing: null,
};

export const COUNTRY_BY_ORGANISATION: Relation<Entity | null> = {
  parentLabel: Label.Organisation,
  rows: (node) => `
MATCH (parent)-[:BASED_IN]->(c:Country)
RETURN ${node("c")} AS value`,
  one: true,
  map: asEntity,
  missing: null,
};

export const UNITS_BY_ORGANISATION: Relation<Entity[]> = {
  parentLabel: Label.Organisation,
  rows: (node) => `
MATCH (u:Organisation)-[:PART_OF]->(parent)
WITH u ORDER BY u.name, u.id
RETURN ${node("u")} AS value`,
  map: asEntities,
  missing: [],
};
