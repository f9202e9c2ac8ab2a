import type { Driver } from "neo4j-driver";

/**
 * Whether the database answers a query within `withinMs`: true or false, never later than that,
 * whatever Neo4j does (down, restarting, paused). A query, not only a Bolt handshake: a Neo4j that
 * is starting accepts connections before its database can be read. For /readyz and the outage probe.
 */
export async function neo4jAnswers(driver: Driver, database: string, withinMs = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), withinMs)));
  const session = driver.session({ database, defaultAccessMode: "READ" });
  const asked = session.run("RETURN 1", {}, { timeout: withinMs }).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
    // Closed in the background: a paused Neo4j would hold the close too.
    void asked.finally(() => session.close().catch(() => {}));
  }
}
