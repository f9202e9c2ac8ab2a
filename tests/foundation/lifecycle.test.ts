import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../src/config/config.js";

const MAIN = path.join(projectRoot, "dist", "src", "main.js");

interface Running {
  child: ChildProcess;
  url: string;
  logs: string[];
}

/** `npm start` as a user runs it (compiled by `npm test`), on free ports; resolves once it prints its URL. */
function startService(env: Record<string, string>): Promise<Running> {
  const child = spawn("node", [MAIN], {
    env: { ...process.env, PORT: "0", LOG_FORMAT: "json", LOG_LEVEL: "info", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${logs.join("\n")}`)), 120_000);
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      logs.push(line);
      const match = /GraphQL API ready at (http:\/\/\S+\/graphql)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, logs });
      }
    });
    child.stderr!.on("data", (d: Buffer) => logs.push(d.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${logs.join("\n")}`));
    });
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}

/** Java processes whose command line names this data directory. */
function javaFor(dataDir: string): number[] {
  try {
    return execFileSync("pgrep", ["-f", `LocalNeo4j.java ${dataDir}`]).toString().trim().split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) if (check()) return true;
  return check();
}

async function nodeCount(url: string): Promise<number> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ health { nodeCount } }" }) });
  const body = (await res.json()) as { data: { health: { nodeCount: number } } };
  return body.data.health.nodeCount;
}

describe("the run command on its embedded default (a local Neo4j it starts itself)", { timeout: 300_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kg-start-"));
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });
  const env = () => ({ NEO4J_URI: "", NEO4J_RUNTIME: "local", NEO4J_DATA_DIR: dataDir });

  it("seeds an empty database, serves GraphQL at the printed URL, and leaves no Java behind on SIGTERM", async () => {
    const service = await startService(env());
    expect(service.logs.join("\n")).toMatch(/the graph is empty: loading the seed/);
    expect(await nodeCount(service.url)).toBeGreaterThan(300);
    const explorer = /\(explorer: (http:\/\/\S+\/explorer)\)/.exec(service.logs.join("\n"))?.[1];
    const page = await fetch(explorer!);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(javaFor(dataDir)).toHaveLength(1);
    expect(await stop(service.child, "SIGTERM")).toBe(0);
    expect(await waitUntil(() => javaFor(dataDir).length === 0, 30_000)).toBe(true);
  });

  it("reuses the data on the next start (no second seeding) and stops on SIGINT", async () => {
    const service = await startService(env());
    expect(service.logs.join("\n")).not.toMatch(/loading the seed/);
    expect(await nodeCount(service.url)).toBeGreaterThan(300);
    expect(await stop(service.child, "SIGINT")).toBe(0);
    expect(await waitUntil(() => javaFor(dataDir).length === 0, 30_000)).toBe(true);
  });

  it("takes its Neo4j down with it even when killed with SIGKILL", async () => {
    const service = await startService(env());
    expect(javaFor(dataDir)).toHaveLength(1);
    await stop(service.child, "SIGKILL");
    expect(await waitUntil(() => javaFor(dataDir).length === 0, 60_000)).toBe(true);
  });

  it("starts no Neo4j of its own when NEO4J_URI is set", async () => {
    const before = javaFor("");
    const service = await startService({ NEO4J_URI: inject("neo4j").uri, NEO4J_DATA_DIR: dataDir });
    expect(await nodeCount(service.url)).toBeGreaterThan(300);
    expect(javaFor(dataDir)).toEqual([]);
    expect(javaFor("").length).toBe(before.length);
    expect(await stop(service.child, "SIGTERM")).toBe(0);
  });
});
