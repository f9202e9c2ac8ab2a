import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import getPort from "get-port";

/** The three servers the benchmark compares, each in its own process. */
export type ServerName = "ours" | "peer" | "floor";
export const SERVERS: readonly ServerName[] = ["ours", "peer", "floor"];

export interface RunningServer {
  name: ServerName;
  url: string;
  child: ChildProcess;
  /** Resident set size of the server process now, in MB (from /proc; null where unavailable). */
  rss(): number | null;
  stop(): Promise<void>;
}

export interface Neo4jEnv {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** Starts one server as a child process and waits until it answers. */
export async function startServer(name: ServerName, root: string, neo4j: Neo4jEnv, extraArgs: string[] = []): Promise<RunningServer> {
  const port = await getPort({ host: "127.0.0.1" });
  const script = {
    // The built service, production settings: what a deployment runs.
    ours: path.join(root, "dist/src/main.js"),
    peer: path.join(root, "dist/bench/servers/peer.js"),
    floor: path.join(root, "dist/bench/servers/floor.js"),
  }[name];
  const env = {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    PORT: String(port),
    HOST: "127.0.0.1",
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    // The service as shipped: every shape passes the default limits (a test of the smoke run says so).
  };
  const child = spawn(process.execPath, [...extraArgs, script], { env, stdio: ["ignore", "ignore", "pipe"], cwd: root });
  const stderr: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 20) stderr.shift();
  });
  let ready = false;
  let stopping = false;
  child.once("exit", (code, signal) => {
    // A server that dies under load is a finding: say so, with what it last wrote.
    if (ready && !stopping) console.log(`ERROR ${name} exited (${code ?? signal}) during the run:\n${stderr.join("").slice(-3000)}`);
  });
  const base = `http://127.0.0.1:${port}`;
  const url = name === "floor" ? base : `${base}/graphql`;
  const probe = name === "ours" ? `${base}/readyz` : name === "floor" ? `${base}/organisation` : `${base}/?query=%7B__typename%7D`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${stderr.join("")}`);
    try {
      const res = await fetch(probe, { headers: { "apollo-require-preflight": "true" } });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer within 120 s: ${stderr.join("")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  ready = true;
  return {
    name,
    url,
    child,
    rss: () => rssOf(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

function rssOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}
