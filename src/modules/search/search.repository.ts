import neo4j, { Neo4jError } from "neo4j-driver";
import type { RequestDb } from "../../db/request-db.js";
import { FULLTEXT_INDEX } from "../../graph/model.js";
import { badInput } from "../../shared/errors.js";
import { asEntity, NODE_VALUE, type Entity } from "../common/entity.js";


/** Full-text search over names, aliases, claims and passages; `$labels` null means every type. */
export const SEARCH = `
CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
RETURN ${NODE_VALUE("node")} AS value, score
ORDER BY score DESC, node.id
LIMIT $limit`;

export async function searchNodes(db: RequestDb, lucene: string, labels: string[] | null, limit: number): Promise<Array<{ entity: Entity; score: number }>> {
  try {
    const result = await db.read(SEARCH, { index: FULLTEXT_INDEX, lucene, labels, limit: neo4j.int(limit) });
    return result.records.flatMap((r) => {
      const entity = asEntity(r.get("value"));
      return entity ? [{ entity, score: Number(r.get("score")) }] : [];
    });
  } catch (error) {
    // The query is escaped, so Lucene should accept it; if it still refuses, the input is at fault.
    if (error instanceof Neo4jError && error.code.startsWith("Neo.ClientError.Procedure")) {
      throw badInput("The search text could not be understood; try plain words.", "query");
    }
    throw error;
  }
}
