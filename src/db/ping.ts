import type { Driver } from "neo4j-driver";

/**
 * Whether Neo4j answers within `withinMs`: true or false, never later than that, whatever Neo4j
 * does (down, restarting, paused). For /readyz.
 */
export async function neo4jAnswers(driver: Driver, database: string, withinMs = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), withinMs)));
  const asked = driver.getServerInfo({ database }).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}
