import fs from "node:fs/promises";
import neo4j from "neo4j-driver";
import type { Logger } from "../shared/logger.js";
import { startLocalNeo4j, type LocalNeo4jOptions, type LocalNeo4j } from "./local-neo4j.js";

export interface SupervisedNeo4j {
  /** Stays the same across restarts: the same port. */
  uri: string;
  /** The current JVM's process id (changes when it is restarted). */
  readonly pid: number;
  /** Restarts so far. */
  readonly restarts: number;
  stop(): Promise<void>;
}

/**
 * The local Neo4j, kept running: when its JVM dies (killed, crashed, out of memory), it is started
 * again on the same data directory and the same Bolt port, so the driver's URI stays valid and the
 * service recovers by itself. Neo4j replays its transaction log on start, so nothing committed is
 * lost. Meanwhile requests fail fast with SERVICE_UNAVAILABLE (the port refuses connections) and
 * /readyz answers 503. Attempts back off from 1 s to 10 s.
 */
export async function startSupervisedNeo4j(opts: LocalNeo4jOptions): Promise<SupervisedNeo4j> {
  const logger: Logger = opts.logger;
  let current: LocalNeo4j = await startLocalNeo4j(opts);
  const port = Number(new URL(current.uri.replace(/^bolt:/, "http:")).port);
  let stopping = false;
  let restarts = 0;

  const watch = (instance: LocalNeo4j) => {
    void instance.exited.then(async ({ code, signal }) => {
      if (stopping || instance !== current) return;
      logger.error({ code, signal, pid: instance.pid }, "the local Neo4j stopped: starting it again on the same data and port");
      for (let attempt = 1; !stopping; attempt++) {
        const started = Date.now();
        try {
          const next = await startLocalNeo4j({ ...opts, boltPort: port });
          if (stopping) {
            await next.stop();
            return;
          }
          current = next;
          restarts += 1;
          logger.info({ pid: next.pid, uri: next.uri, ms: Date.now() - started, attempt }, "the local Neo4j is back");
          watch(next);
          return;
        } catch (error) {
          logger.error({ err: error, attempt }, "the local Neo4j did not start again; retrying");
          await new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * attempt, 10_000)));
        }
      }
    });
  };
  watch(current);

  return {
    uri: current.uri,
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}

/** What a service writes beside its data directory while it runs the local Neo4j on it. */
export interface RunningFile {
  /** The process that started (and supervises) the local Neo4j. */
  pid: number;
  uri: string;
}

export function runningFilePath(dataDir: string): string {
  return `${dataDir}.running.json`;
}

/**
 * The local Neo4j another process of this project runs on `dataDir`, when there is one: its
 * running-file names a live process AND its Bolt port answers. A file left by a dead process (or
 * naming a port nothing answers on) is stale: it is removed, and the caller starts its own.
 */
export async function runningLocalNeo4j(dataDir: string, logger: Logger): Promise<RunningFile | null> {
  const file = runningFilePath(dataDir);
  let info: RunningFile;
  try {
    info = JSON.parse(await fs.readFile(file, "utf8")) as RunningFile;
  } catch {
    return null;
  }
  const alive = processAlive(info.pid);
  const answers = alive && typeof info.uri === "string" && (await boltAnswers(info.uri, 3_000));
  if (alive && answers) return info;
  logger.warn(
    { file, pid: info.pid, uri: info.uri, processAlive: alive, boltAnswers: answers },
    "stale running-file of a local Neo4j: replacing it",
  );
  await fs.rm(file, { force: true });
  return null;
}

function processAlive(pid: unknown): boolean {
  if (typeof pid !== "number" || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: a process of someone else's now has that id, so not ours either.
    return false;
  }
}

/** Whether a Bolt server answers at `uri` within `withinMs` (the local Neo4j runs without auth). */
export async function boltAnswers(uri: string, withinMs: number): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", ""), { connectionTimeout: withinMs, maxConnectionPoolSize: 1 });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      driver.verifyConnectivity().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), withinMs))),
    ]);
  } finally {
    clearTimeout(timer);
    void driver.close().catch(() => {});
  }
}
