import { spawn, execFile, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import type { Logger } from "../shared/logger.js";
import { Neo4jUnavailableError } from "./errors.js";

const run = promisify(execFile);

export interface LocalNeo4jOptions {
  /** The project root: holds local-neo4j/pom.xml and LocalNeo4j.java. */
  projectRoot: string;
  /** Database files; kept between runs. */
  dataDir: string;
  /** 0 lets the OS pick a free port. */
  boltPort: number;
  timeoutMs: number;
  logger: Logger;
}

export interface LocalNeo4j {
  uri: string;
  /** The JVM's process id. */
  pid: number;
  /** Settles when the JVM exits, for whatever reason (stop() included). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/**
 * Starts Neo4j 5.26 Community from Maven Central artifacts on Java 17: Maven resolves them once
 * (into ~/.m2), then `java LocalNeo4j.java` runs the DBMS with Bolt on 127.0.0.1. The JVM reads our
 * pipe on its stdin and stops when it closes, so it never outlives this process.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const dir = path.join(opts.projectRoot, "local-neo4j");
  await requireTool("java", ["-version"], "Java 17 (e.g. `apt-get install openjdk-17-jre-headless`)");
  const classpath = await resolveClasspath(dir, opts.logger);
  await fs.mkdir(opts.dataDir, { recursive: true });

  const child = spawn(
    "java",
    ["-Xms256m", "-Xmx1g", "-XX:+UseSerialGC", path.join(dir, "LocalNeo4j.java"), opts.dataDir, String(opts.boltPort)],
    { env: { ...process.env, CLASSPATH: classpath }, stdio: ["pipe", "pipe", "pipe"] },
  );
  const stopOnExit = () => child.kill("SIGKILL");
  process.once("exit", stopOnExit);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      process.off("exit", stopOnExit);
      resolve({ code, signal });
    }),
  );

  const stderr: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 50) stderr.shift();
  });

  let uri: string;
  try {
    uri = await waitForReady(child, opts.timeoutMs);
  } catch (error) {
    child.kill("SIGKILL");
    process.off("exit", stopOnExit);
    throw new Neo4jUnavailableError(
      `The local Neo4j did not start: ${(error as Error).message}\n${stderr.join("").slice(-2000)}`,
    );
  }
  opts.logger.info({ uri, dataDir: opts.dataDir, pid: child.pid }, "local Neo4j is up");

  return {
    uri,
    pid: child.pid!,
    exited,
    stop: () => {
      process.off("exit", stopOnExit);
      return stopChild(child);
    },
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000}s`)), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(why));
    };
    lines.on("line", (line) => {
      const match = /^NEO4J_READY (\S+)$/.exec(line.trim());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("error", (e) => fail(e.message));
    child.once("exit", (code, signal) => fail(`java exited (${signal ?? code}) before Bolt answered`));
  });
}

/** Closing stdin asks the JVM to shut the DBMS down cleanly; SIGKILL only if it hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdin!.end();
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The classpath of Neo4j and its dependencies, resolved by Maven from local-neo4j/pom.xml and
 * cached in local-neo4j/target/classpath.txt until the pom changes.
 */
async function resolveClasspath(dir: string, logger: Logger): Promise<string> {
  const pom = path.join(dir, "pom.xml");
  const cache = path.join(dir, "target", "classpath.txt");
  const [pomStat, cacheStat] = await Promise.all([fs.stat(pom), fs.stat(cache).catch(() => null)]);
  if (cacheStat && cacheStat.mtimeMs >= pomStat.mtimeMs) {
    const classpath = (await fs.readFile(cache, "utf8")).trim();
    const first = classpath.split(path.delimiter)[0];
    if (first && (await fs.stat(first).catch(() => null))) return classpath;
  }
  await requireTool("mvn", ["-v"], "Maven (e.g. `apt-get install maven`)");
  logger.info("resolving Neo4j 5.26 from Maven Central (first run only; about 150 MB)");
  const started = Date.now();
  const heartbeat = setInterval(
    () => logger.info(`still resolving Neo4j from Maven Central (${Math.round((Date.now() - started) / 1000)} s)`),
    15_000,
  );
  try {
    await run("mvn", ["-B", "-q", "-f", pom, "dependency:build-classpath", `-Dmdep.outputFile=${cache}`], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Neo4jUnavailableError(
      `Maven could not resolve Neo4j from ${pom}: ${e.message}\n${(e.stdout ?? "").slice(-2000)}`,
    );
  } finally {
    clearInterval(heartbeat);
  }
  return (await fs.readFile(cache, "utf8")).trim();
}

async function requireTool(cmd: string, args: string[], install: string): Promise<void> {
  try {
    await run(cmd, args);
  } catch {
    throw new Neo4jUnavailableError(
      `No Neo4j could be started: NEO4J_URI is not set, no container runtime answered, and \`${cmd}\` ` +
        `is not installed for the local Neo4j. Install ${install}, or set NEO4J_URI to a running Neo4j.`,
    );
  }
}
