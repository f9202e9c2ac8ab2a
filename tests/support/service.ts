import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { projectRoot } from "../../src/config/config.js";

const MAIN = path.join(projectRoot, "dist", "src", "main.js");

export interface RunningService {
  child: ChildProcess;
  /** http://127.0.0.1:PORT (no path). */
  baseUrl: string;
  logs: string[];
}

/** The built service (`npm run build`) in its own process, on a free port; resolves once it prints its URL. */
export function startService(env: Record<string, string>): Promise<RunningService> {
  const child = spawn("node", [MAIN], {
    env: { ...process.env, PORT: "0", LOG_FORMAT: "json", LOG_LEVEL: "info", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${logs.join("\n")}`)), 300_000);
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      logs.push(line);
      if (logs.length > 2000) logs.shift();
      const match = /GraphQL API ready at (http:\/\/\S+)\/graphql/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1]!, logs });
      }
    });
    child.stderr!.on("data", (d: Buffer) => logs.push(d.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${logs.join("\n")}`));
    });
  });
}

export function stopService(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}

/** The JVMs running the local Neo4j on this data directory (the test's own, never another's). */
export function javaFor(dataDir: string): number[] {
  try {
    return execFileSync("pgrep", ["-f", `LocalNeo4j.java ${dataDir}`]).toString().trim().split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export async function waitUntil(check: () => boolean | Promise<boolean>, ms: number, every = 100): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, every))) if (await check()) return true;
  return check();
}

export interface Timed {
  status: number;
  ms: number;
  body: any;
}

/** POSTs a GraphQL operation and times it; a network failure is status 0. */
/** A request's status, time and body (JSON when it parses, else the text; status 0 when it failed). */
async function timed(request: () => Promise<Response>): Promise<Timed> {
  const started = performance.now();
  try {
    const res = await request();
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // a file, HTML or plain text: kept as text
    }
    return { status: res.status, ms: performance.now() - started, body };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, body: String(error) };
  }
}

export function gqlTimed(baseUrl: string, query: string, variables?: Record<string, unknown>): Promise<Timed> {
  return timed(() =>
    fetch(`${baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) }),
  );
}

export function getTimed(url: string): Promise<Timed> {
  return timed(() => fetch(url));
}
