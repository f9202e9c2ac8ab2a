import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import type { Driver } from "neo4j-driver";
import { projectRoot } from "../../src/config/config.js";

const run = promisify(execFile);
const CLI = path.join(projectRoot, "dist", "src", "cli.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run keys -- <args>` as a user runs it, against the test run's Neo4j (compiled by `npm run build`). */
export async function keysCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const conn = inject("neo4j");
  try {
    const { stdout, stderr } = await run("node", [CLI, "keys", ...args], {
      env: { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password, NEO4J_DATABASE: conn.database, LOG_LEVEL: "warn", LOG_FORMAT: "json", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export const KEY = /kg_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}/g;

/** The key `keys create` printed, and its id. */
export function createdKey(stdout: string): { key: string; id: string } {
  const keys = stdout.match(KEY) ?? [];
  if (keys.length !== 1) throw new Error(`expected one key in:\n${stdout}`);
  return { key: keys[0]!, id: keys[0]!.slice(3, 15) };
}

/** Removes the ApiKey nodes a test file created (the graph is fingerprinted by other tests). */
export async function removeKeys(driver: Driver, ids: string[]): Promise<void> {
  await driver.executeQuery("MATCH (k:ApiKey) WHERE k.id IN $ids DELETE k", { ids }, { database: inject("neo4j").database });
}

/** What Neo4j keeps of a key: its hash and salt, to show they never leave it. */
export async function storedHash(driver: Driver, id: string): Promise<{ hash: string; salt: string }> {
  const { records } = await driver.executeQuery("MATCH (k:ApiKey {id: $id}) RETURN k.hash AS hash, k.salt AS salt", { id }, { database: inject("neo4j").database });
  return { hash: records[0]!.get("hash"), salt: records[0]!.get("salt") };
}
