import type { RequestDb } from "../../db/request-db.js";

// Count stores answer both from Neo4j's statistics, without scanning.
const COUNTS = `
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships`;

/** The graph's size; fails (SERVICE_UNAVAILABLE) when Neo4j does not answer within `deadlineMs`. */
export async function graphCounts(db: RequestDb, deadlineMs: number): Promise<{ nodes: number; relationships: number }> {
  const result = await db.read(COUNTS, {}, { deadlineMs });
  const record = result.records[0]!;
  return { nodes: Number(record.get("nodes")), relationships: Number(record.get("relationships")) };
}
