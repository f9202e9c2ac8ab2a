import { NODE_VALUE } from "../common/entity.js";

// A claim filter: `key.speakerId` and `key.aboutId` are each an id or null (no filter).
const FILTER = `
  (key.speakerId IS NULL OR EXISTS { (:Person {id: key.speakerId})-[:MADE]->(n) })
  AND (key.aboutId IS NULL OR EXISTS { (n)-[:ABOUT]->(:Entity {id: key.aboutId}) })`;

/** Pages of claims in document order; keys are `{speakerId, aboutId, after, limit, i}`. */
export const CLAIMS_PAGE = `
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Claim)
  WHERE ${FILTER}
    AND (key.after IS NULL OR n.start > key.after[0] OR (n.start = key.after[0] AND n.id > key.after[1]))
  WITH n ORDER BY n.start, n.id
  WITH key, collect(${NODE_VALUE("n")}) AS rows
  RETURN rows[0..toInteger(key.limit)] AS value
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

export const SPEAKER_BY_CLAIM = `
UNWIND $keys AS key
MATCH (p:Person)-[:MADE]->(:Claim {id: key})
RETURN key, ${NODE_VALUE("p")} AS value`;

export const PASSAGE_BY_CLAIM = `
UNWIND $keys AS key
MATCH (:Claim {id: key})-[:SUPPORTED_BY]->(p:Passage)
RETURN key, ${NODE_VALUE("p")} AS value`;

export const ABOUT_BY_CLAIM = `
UNWIND $keys AS key
MATCH (:Claim {id: key})-[:ABOUT]->(e:Entity)
WITH key, e ORDER BY e.id
RETURN key, collect(${NODE_VALUE("e")}) AS value`;

export const QUANTITIES_BY_CLAIM = `
UNWIND $keys AS key
MATCH (:Claim {id: key})-[:HAS_QUANTITY]->(q:Quantity)
WITH key, q ORDER BY q.ordinal, q.start, q.id
RETURN key, collect(properties(q)) AS value`;
