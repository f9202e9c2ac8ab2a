import neo4j, { Neo4jError } from "neo4j-driver";
import type { RequestDb } from "../../db/request-db.js";
import { FULLTEXT_INDEX, Label, NAME_INDEX, RelType } from "../../graph/model.js";
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
 * One query per search. The full-text hits (`$labels` null means every type, `$speakerId` null
 * means anyone's words, else only that speaker's passages and claims), best first; then the
 * entities named by the search (`$name`: a Lucene term for a folded name, null when there is
 * none), found by one lookup in NAME_INDEX. What the user named comes first, whatever the index
 * scores it (claims repeat a name more often), with the best hit's score; the other hits follow,
 * without repeats, at most `$limit` in all.
 */
export const SEARCH = `
CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
WHERE ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
  AND ($speakerId IS NULL OR ((node:${Label.Passage} OR node:${Label.Claim}) AND node.speakerId = $speakerId))
WITH node, score ORDER BY score DESC, node.id LIMIT $limit
WITH collect({node: node, score: score}) AS hits
CALL () {
  WITH $name AS name WHERE name IS NOT NULL
  CALL db.index.fulltext.queryNodes($nameIndex, name) YIELD node
  WITH node WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
  WITH node ORDER BY node.id LIMIT $limit
  RETURN collect(node) AS named
}
WITH [n IN named | {node: n, score: coalesce(hits[0].score, 0.0)}] + [h IN hits WHERE NOT h.node IN named] AS ranked
UNWIND range(0, size(ranked) - 1) AS rank
WITH rank, ranked[rank].node AS node, ranked[rank].score AS score
WHERE rank < $limit
RETURN ${NODE_VALUE("node")} AS value, score, ${DOCUMENT_OF} AS documentId
ORDER BY rank`;

export interface Hit {
  entity: Entity;
  score: number;
  /** Read by SearchHit.document, only when selected. */
  documentId: string | null;
}

/**
 * The search's hits, best first: `lucene` is the full-text query, `name` the Lucene term of the
 * folded search text (null: nobody is looked up by name).
 */
export async function searchNodes(
  db: RequestDb,
  search: { lucene: string; name: string | null; labels: string[] | null; limit: number; speakerId: string | null },
): Promise<Hit[]> {
  const { lucene, name, labels, limit, speakerId } = search;
  try {
    const result = await db.read(SEARCH, { index: FULLTEXT_INDEX, lucene, nameIndex: NAME_INDEX, name, labels, limit: neo4j.int(limit), speakerId });
    return result.records.flatMap((r) => {
      const entity = asEntity(r.get("value"));
      return entity ? [{ entity, score: Number(r.get("score")), documentId: (r.get("documentId") as string | null) ?? null }] : [];
    });
  } catch (error) {
    // The queries are escaped, so Lucene should accept them; if it still refuses, the input is at fault.
    if (error instanceof Neo4jError && error.code.startsWith("Neo.ClientError.Procedure")) {
      throw badInput("The search text could not be understood; try plain words.", "query");
    }
    throw error;
  }
}
