import { NODE_VALUE } from "../common/entity.js";

export const SPEAKER_BY_PASSAGE = `
UNWIND $keys AS key
MATCH (p:Person)-[:SAID]->(:Passage {id: key})
RETURN key, ${NODE_VALUE("p")} AS value`;

export const DOCUMENT_BY_PASSAGE = `
UNWIND $keys AS key
MATCH (:Passage {id: key})-[:PART_OF]->(d:Document)
RETURN key, ${NODE_VALUE("d")} AS value`;

/** Every entity mention in a passage, in text order. */
export const MENTIONS_BY_PASSAGE = `
UNWIND $keys AS key
MATCH (:Passage {id: key})-[m:MENTIONS]->(e:Entity)
WITH key, m, e ORDER BY m.start
RETURN key, collect({surface: m.surface, start: m.start, end: m.end, passageId: key, entityId: e.id}) AS value`;
