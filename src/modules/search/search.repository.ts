import neo4j, { Neo4jError } from "neo4j-driver";
import type { RequestDb } from "../../db/request-db.js";
import { FULLTEXT_INDEX, Label, RelType } from "../../graph/model.js";
import { badInput } from "../../shared/errors.js";
import { asEntity, NODE_VALUE, type Entity } from "../common/entity.js";

/** The id of the document a hit stands in: a passage's, a claim's passage's, an event's; null for entities. */
const DOCUMENT_OF = `CASE
  WHEN node:${Label.Document} THEN node.id
  WHEN node:${Label.Passage} THEN head([(node)-[:${RelType.PART_OF}]->(d:${Label.Document}) | d.id])
  WHEN node:${Label.Claim} THEN head([(node)-[:${RelType.SUPPORTED_BY}]->(:${Label.Passage})-[:${RelType.PART_OF}]->(d:${Label.Document}) | d.id])
  WHEN node:${Label.Event} THEN head([(node)-[:${RelType.DOCUMENTED_BY}]->(d:${Label.Document}) | d.id])
END`;

/**
 * Full-text search over names, aliases, claims and passages; `$labels` null means every type,
 * `$speakerId` null means anyone's words (else only that speaker's passages and claims).
 */
export const SEARCH = `
CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
WHERE ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
  AND ($speakerId IS NULL OR ((node:${Label.Passage} OR node:${Label.Claim}) AND node.speakerId = $speakerId))
WITH node, score ORDER BY score DESC, node.id LIMIT $limit
RETURN ${NODE_VALUE("node")} AS value, score, ${DOCUMENT_OF} AS documentId
ORDER BY score DESC, node.id`;

/**
 * Entities whose name, acronym or an alias reads as the search does (case, apostrophes and a
 * trailing possessive folded; `$name` is folded the same way): what the user asked for by name.
 */
export const BY_NAME = `
MATCH (node:${Label.Entity})
WHERE (node:${Label.Person} OR node:${Label.Organisation} OR node:${Label.Country} OR node:${Label.Region} OR node:${Label.Program})
  AND ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
  AND any(name IN [node.name, node.acronym] + coalesce(node.aliases, []) WHERE name IS NOT NULL AND toLower(replace(name, "\u2019", "'")) = $name)
RETURN ${NODE_VALUE("node")} AS value
ORDER BY node.id
LIMIT $limit`;

export interface Hit {
  entity: Entity;
  score: number;
  /** Read by SearchHit.document, only when selected. */
  documentId: string | null;
}

export async function searchNodes(db: RequestDb, lucene: string, labels: string[] | null, limit: number, speakerId: string | null): Promise<Hit[]> {
  try {
    const result = await db.read(SEARCH, { index: FULLTEXT_INDEX, lucene, labels, limit: neo4j.int(limit), speakerId });
    return result.records.flatMap((r) => {
      const entity = asEntity(r.get("value"));
      return entity ? [{ entity, score: Number(r.get("score")), documentId: (r.get("documentId") as string | null) ?? null }] : [];
    });
  } catch (error) {
    // The query is escaped, so Lucene should accept it; if it still refuses, the input is at fault.
    if (error instanceof Neo4jError && error.code.startsWith("Neo.ClientError.Procedure")) {
      throw badInput("The search text could not be understood; try plain words.", "query");
    }
    throw error;
  }
}

export async function entitiesNamed(db: RequestDb, name: string, labels: string[] | null, limit: number): Promise<Entity[]> {
  const result = await db.read(BY_NAME, { name, labels, limit: neo4j.int(limit) });
  return result.records.flatMap((r) => {
    const entity = asEntity(r.get("value"));
    return entity ? [entity] : [];
  });
}
