import "reflect-metadata";
import { loadConfig } from "./config/config.js";
import { createLogger } from "./shared/logger.js";
import { acquireNeo4j } from "./db/runtime.js";
import { createDriver } from "./db/driver.js";
import { createApp } from "./server/app.js";
import { onShutdownSignal } from "./runtime/lifecycle.js";
import { seedIfEmpty, formatSummary } from "./seed/load.js";
import { ensureGraphSchema } from "./seed/graph-schema.js";
import path from "node:path";

/**
 * `npm start`: finds or starts Neo4j, seeds it when empty, serves the API and prints its URL.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const neo4j = await acquireNeo4j({ config, logger, purpose: "service" });
  const driver = createDriver(neo4j, { maxConnections: config.NEO4J_MAX_CONNECTIONS });
  let app: Awaited<ReturnType<typeof createApp>> | null = null;

  onShutdownSignal(logger, config.SHUTDOWN_GRACE, async () => {
    const started = Date.now();
    await app?.stop();
    logger.info({ ms: Date.now() - started }, "HTTP server closed");
    await driver.close();
    logger.debug({ ms: Date.now() - started }, "driver closed");
    await neo4j.stop();
    logger.info({ ms: Date.now() - started }, "Neo4j connection closed");
  });

  await driver.verifyConnectivity({ database: neo4j.database });
  await ensureGraphSchema(driver, neo4j.database).catch((error: unknown) =>
    // A read-only user on a shared Neo4j cannot create indexes; the API still works without new ones.
    logger.warn({ err: error }, "could not create constraints and indexes"),
  );
  const seeded = await seedIfEmpty({ driver, database: neo4j.database, dir: config.seedDir, logger });
  if (seeded) logger.info(`seed loaded\n${formatSummary(seeded)}`);
  app = await createApp({ driver, config, logger });
  const { url } = await app.listen(config.PORT, config.HOST);
  const explorer = url.replace(/\/graphql$/, "/explorer");
  const graphiql = url.replace(/\/graphql$/, "/graphiql/");
  logger.info(
    { url, explorer, graphiql, neo4j: neo4j.uri, neo4jSource: neo4j.source },
    `GraphQL API ready at ${url} (explorer: ${explorer}) (GraphiQL: ${graphiql})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
