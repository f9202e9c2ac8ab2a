import neo4j, { type Driver } from "neo4j-driver";

/**
 * Grows the seeded graph to `scale` times its size inside Neo4j: the document-level subgraph of
 * every seed document (the document, its passages and their mentions, its claims and their
 * quantities, its event, and the people who speak in it) is copied with new ids (`…-c<k>`), while
 * organisations, countries, regions, programs and people only mentioned stay shared, as they
 * would across many transcripts. Copies keep the seed's shape: speakers per event, mentions per
 * passage, claims per speaker, and a long tail of shared entities referenced from every copy.
 *
 * It copies what is in the database, not the seed files, so it works whatever their layout.
 * Writes are batched (`CALL … IN TRANSACTIONS`), so 100× loads in about a minute.
 */
const COPY = /-c(\d+)$/;

/** Elements of the seed documents' subgraphs: the nodes to copy, and every relationship touching one. */
const ORIGINALS = `
MATCH (d:Document) WHERE NOT d.id =~ '.*-c[0-9]+$'
CALL (d) {
  RETURN d AS n
  UNION MATCH (n:Passage)-[:PART_OF]->(d) RETURN n
  UNION MATCH (n:Claim)-[:SUPPORTED_BY]->(:Passage)-[:PART_OF]->(d) RETURN n
  UNION MATCH (c:Claim)-[:SUPPORTED_BY]->(:Passage)-[:PART_OF]->(d) MATCH (c)-[:HAS_QUANTITY]->(n:Quantity) RETURN n
  UNION MATCH (n:Event)-[:DOCUMENTED_BY]->(d) RETURN n
  UNION MATCH (n:Person)-[:SAID]->(:Passage)-[:PART_OF]->(d) RETURN n
  UNION MATCH (n:Person)-[:SPOKE_AT]->(:Event)-[:DOCUMENTED_BY]->(d) RETURN n
}
WITH DISTINCT n
WITH collect(n) AS nodes
UNWIND nodes AS n
MATCH (n)-[r]-(m)
WITH nodes, collect(DISTINCT {id: elementId(r), fromCopied: startNode(r) IN nodes, toCopied: endNode(r) IN nodes}) AS rels
RETURN [n IN nodes | elementId(n)] AS nodes, rels`;

/** A copy of each node, with its id and the ids it refers to suffixed. */
const COPY_NODES = `
UNWIND $ks AS k
UNWIND $nodes AS eid
CALL (k, eid) {
  MATCH (n) WHERE elementId(n) = eid
  WITH n, '-c' + toString(k) AS s
  CREATE (c:$(labels(n)))
  SET c = n {.*, id: n.id + s, documentId: n.documentId + s, speakerId: n.speakerId + s, passageId: n.passageId + s, claimId: n.claimId + s}
} IN TRANSACTIONS OF 2000 ROWS`;

/** A copy of each relationship between the copies (or a copy and a shared node). */
const COPY_RELS = `
UNWIND $ks AS k
UNWIND $rels AS rel
CALL (k, rel) {
  MATCH (x)-[o]->(y) WHERE elementId(o) = rel.id
  WITH x, o, y, rel, '-c' + toString(k) AS s
  OPTIONAL MATCH (a:Entity {id: x.id + s}) WHERE rel.fromCopied
  OPTIONAL MATCH (b:Entity {id: y.id + s}) WHERE rel.toCopied AND NOT y:Quantity
  OPTIONAL MATCH (q:Quantity {id: y.id + s}) WHERE rel.toCopied AND y:Quantity
  WITH o, s, coalesce(a, x) AS from, coalesce(b, q, y) AS to
  CREATE (from)-[r:$(type(o))]->(to)
  SET r = o {.*, id: o.id + s, passageId: o.passageId + s}
} IN TRANSACTIONS OF 2000 ROWS`;

/** How many times the seed documents are in the graph now (1: the seed alone). */
export async function currentScale(driver: Driver, database: string): Promise<number> {
  const { records } = await driver.executeQuery("MATCH (d:Document) RETURN d.id AS id", {}, { database, routing: "READ" });
  let scale = records.length > 0 ? 1 : 0;
  for (const r of records) {
    const m = COPY.exec(r.get("id") as string);
    if (m) scale = Math.max(scale, Number(m[1]) + 1);
  }
  return scale;
}

/** Copies the seed documents' subgraphs until the graph holds `scale` of each; returns the time taken (ms). */
export async function growGraph(driver: Driver, database: string, scale: number): Promise<number> {
  const started = performance.now();
  const now = await currentScale(driver, database);
  if (now === 0) throw new Error("the graph is empty: load the seed first");
  if (scale <= now) return 0;
  const { records } = await driver.executeQuery(ORIGINALS, {}, { database, routing: "READ" });
  const nodes = records[0]!.get("nodes") as string[];
  const rels = records[0]!.get("rels") as unknown[];
  const ks = Array.from({ length: scale - now }, (_, i) => neo4j.int(now + i));
  // CALL … IN TRANSACTIONS runs only in an auto-commit transaction: session.run, not executeWrite.
  const session = driver.session({ database });
  try {
    await session.run(COPY_NODES, { ks, nodes });
    await session.run(COPY_RELS, { ks, rels });
  } finally {
    await session.close();
  }
  await driver.executeQuery("CALL db.awaitIndexes(600)", {}, { database });
  return performance.now() - started;
}
