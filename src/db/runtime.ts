import path from "node:path";
import os from "node:os";
import fs from "node:fs/promises";
import type { Config } from "../config/config.js";
import type { Logger } from "../shared/logger.js";
import { containerRuntimeAnswers, startContainerNeo4j } from "./container-neo4j.js";
import { runningFilePath, runningLocalNeo4j, startSupervisedNeo4j } from "./supervisor.js";
import { Neo4jUnavailableError } from "./errors.js";

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Where it came from: NEO4J_URI, a container, or the local Neo4j this process started. */
  source: "external" | "container" | "local";
  /** Stops what this process started; a no-op for an external Neo4j. */
  stop(): Promise<void>;
}

export interface AcquireOptions {
  config: Config;
  logger: Logger;
  /** `service` keeps its data in NEO4J_DATA_DIR; `ephemeral` uses a temporary directory (tests). */
  purpose: "service" | "ephemeral";
}

/**
 * The one place that decides which Neo4j the server, the CLI, the tests and the benchmarks use:
 * NEO4J_URI when set; else a container when a runtime answers; else the local Neo4j.
 */
export async function acquireNeo4j({ config, logger, purpose }: AcquireOptions): Promise<Neo4jConnection> {
  const base = { user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE };
  if (config.NEO4J_URI) {
    return { ...base, uri: config.NEO4J_URI, source: "external", stop: async () => {} };
  }

  const dataDir =
    purpose === "service"
      ? path.resolve(config.projectRoot, config.NEO4J_DATA_DIR)
      : await fs.mkdtemp(path.join(os.tmpdir(), "kg-neo4j-"));
  const removeTemp = async () => {
    if (purpose === "ephemeral") await fs.rm(dataDir, { recursive: true, force: true });
  };

  const tried: string[] = ["NEO4J_URI is not set"];
  if (config.NEO4J_RUNTIME !== "local") {
    if (await containerRuntimeAnswers()) {
      const c = await startContainerNeo4j({
        dataDir: purpose === "service" ? `${dataDir}-container` : undefined,
        logger,
      });
      await removeTemp();
      return { ...base, uri: c.uri, user: c.user, password: c.password, source: "container", stop: c.stop };
    }
    tried.push("no container runtime answered");
    if (config.NEO4J_RUNTIME === "container") {
      throw new Neo4jUnavailableError(`NEO4J_RUNTIME=container, but ${tried.join("; ")}.`);
    }
  }

  if (purpose === "service") {
    const running = await runningLocalNeo4j(dataDir, logger);
    if (running) {
      logger.info({ uri: running.uri, pid: running.pid }, "using the local Neo4j another process of this project started");
      return { ...base, uri: running.uri, password: "", source: "local", stop: async () => {} };
    }
  }

  try {
    // Supervised: restarted on the same data and port when its JVM dies.
    const local = await startSupervisedNeo4j({
      projectRoot: config.projectRoot,
      dataDir,
      boltPort: config.NEO4J_LOCAL_BOLT_PORT,
      timeoutMs: config.NEO4J_START_TIMEOUT * 1000,
      logger,
    });
    const marker = runningFilePath(dataDir);
    if (purpose === "service") await fs.writeFile(marker, JSON.stringify({ pid: process.pid, uri: local.uri }));
    return {
      ...base,
      uri: local.uri,
      password: "",
      source: "local",
      stop: async () => {
        await local.stop();
        await fs.rm(marker, { force: true });
        await removeTemp();
      },
    };
  } catch (error) {
    await removeTemp();
    if (error instanceof Neo4jUnavailableError) {
      error.message = `${tried.join("; ")}; ${error.message}`;
    }
    throw error;
  }
}
