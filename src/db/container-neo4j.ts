import path from "node:path";
import fs from "node:fs/promises";
import { getContainerRuntimeClient } from "testcontainers";
import { Neo4jContainer } from "@testcontainers/neo4j";
import type { Logger } from "../shared/logger.js";

/** The image docker-compose.yml uses too. */
export const NEO4J_IMAGE = "neo4j:5.26-community";

export interface ContainerNeo4j {
  uri: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

/** True when Docker, Podman or another runtime testcontainers supports answers. */
export async function containerRuntimeAnswers(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/**
 * Neo4j in a container through testcontainers. With `dataDir` the database is bind-mounted there
 * so it survives restarts (the service); without, it lives and dies with the container (tests).
 */
export async function startContainerNeo4j(opts: { dataDir?: string; logger: Logger }): Promise<ContainerNeo4j> {
  let container = new Neo4jContainer(NEO4J_IMAGE).withPassword("knowledge-graph");
  if (opts.dataDir) {
    const source = path.resolve(opts.dataDir);
    await fs.mkdir(source, { recursive: true });
    container = container.withBindMounts([{ source, target: "/data" }]);
  }
  const started = await container.start();
  opts.logger.info({ uri: started.getBoltUri() }, "Neo4j container is up");
  return {
    uri: started.getBoltUri(),
    user: started.getUsername(),
    password: started.getPassword(),
    stop: async () => {
      await started.stop();
    },
  };
}
