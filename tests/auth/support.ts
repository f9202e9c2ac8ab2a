import { inject } from "vitest";
import type { Driver } from "neo4j-driver";

/** Removes the ApiKey nodes a test file created (the graph is fingerprinted by other tests). */
export async function removeKeys(driver: Driver, ids: string[]): Promise<void> {
  await driver.executeQuery("MATCH (k:ApiKey) WHERE k.id IN $ids DELETE k", { ids }, { database: inject("neo4j").database });
}

/** What Neo4j keeps of a key: its hash and salt, to show they never leave it. */
export async function storedHash(driver: Driver, id: string): Promise<{ hash: string; salt: string }> {
  const { records } = await driver.executeQuery("MATCH (k:ApiKey {id: $id}) RETURN k.hash AS hash, k.salt AS salt", { id }, { database: inject("neo4j").database });
  return { hash: records[0]!.get("hash"), salt: records[0]!.get("salt") };
}
