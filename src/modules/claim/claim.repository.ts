import { Label } from "../../graph/model.js";
import { plain } from "../../shared/neo4j-values.js";
import { asEntities, asEntity } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import type { PageQuery } from "../common/list.repository.js";
import type { Relation } from "../common/relation.js";
import type { Quantity } from "./claim.type.js";

// A claim filter: `key.speakerId` and `key.aboutId` are each an id or null (no filter).
const FILTER = `
  (key.speakerId IS NULL OR EXISTS { (:Person {id: key.speakerId})-[:MADE]->(n) })
  AND (key.aboutId IS NULL OR EXISTS { (n)-[:ABOUT]->(:Entity {id: key.aboutId}) })`;

/** Pages of claims in document order; keys are `{speakerId, aboutId, after, limit, i}`. */
export const CLAIMS_PAGE: PageQuery = (node) => `
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Claim)
  WHERE ${FILTER}
    AND (key.after IS NULL OR n.start > key.after[0] OR (n.start = key.after[0] AND n.id > key.after[1]))
  WITH n ORDER BY n.start, n.id
  WITH key, collect(n) AS rows
  RETURN [n IN rows[0..toInteger(key.limit)] | ${node("n")}] AS value
}
RETURN key.i AS key, value`;

/** Totals for the same filters; keys are `{speakerId, aboutId, i}`. */
export const CLAIMS_COUNT = `
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Claim) WHERE ${FILTER}
  RETURN count(n) AS value
}
RETURN key.i AS key, value`;

export const SPEAKER_BY_CLAIM: Relation<Entity | null> = {
  parentLabel: Label.Claim,
  rows: (node) => `
MATCH (p:Person)-[:MADE]->(parent)
RETURN ${node("p")} AS value`,
  one: true,
  map: asEntity,
  missing: null,
};

export const PASSAGE_BY_CLAIM: Relation<Entity | null> = {
  parentLabel: Label.Claim,
  rows: (node) => `
MATCH (parent)-[:SUPPORTED_BY]->(p:Passage)
RETURN ${node("p")} AS value`,
  one: true,
  map: asEntity,
  missing: null,
};

export const ABOUT_BY_CLAIM: Relation<Entity[]> = {
  parentLabel: Label.Claim,
  rows: (node) => `
MATCH (parent)-[:ABOUT]->(e:Entity)
WITH e ORDER BY e.id
RETURN ${node("e")} AS value`,
  map: asEntities,
  missing: [],
};

function asQuantities(value: unknown): Quantity[] {
  return ((plain(value) as Array<Record<string, unknown>>) ?? []).map((q) => ({
    value: Number(q.value),
    unit: String(q.unit ?? ""),
    qualifier: (q.qualifier as string | undefined) ?? null,
    surface: (q.surface as string | undefined) ?? null,
    start: (q.start as number | undefined) ?? null,
    end: (q.end as number | undefined) ?? null,
  }));
}

export const QUANTITIES_BY_CLAIM: Relation<Quantity[]> = {
  parentLabel: Label.Claim,
  rows: () => `
MATCH (parent)-[:HAS_QUANTITY]->(q:Quantity)
WITH q ORDER BY q.ordinal, q.start, q.id
RETURN properties(q) AS value`,
  map: asQuantities,
  missing: [],
};
