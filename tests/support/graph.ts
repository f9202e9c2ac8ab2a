import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import type { Driver } from "neo4j-driver";
import { createDriver } from "../../src/db/driver.js";
import { projectRoot } from "../../src/config/config.js";
import { loadSeed } from "../../src/seed/load.js";
import { createLogger } from "../../src/shared/logger.js";

export const SEED_DIR = path.join(projectRoot, "seed");

export function testDriver(): Driver {
  return createDriver(inject("neo4j"));
}

/**
 * A fingerprint of the whole graph: every node's labels and properties, every relationship.
 * `without` leaves node properties out (e.g. one derived from others, added after a fingerprint
 * was taken); `withoutRels` leaves relationships out by id (links curated after it was taken).
 */
export async function graphFingerprint(driver: Driver, without: readonly string[] = [], withoutRels: readonly string[] = [], withoutLabels: readonly string[] = []): Promise<{ nodes: number; rels: number; hash: string }> {
  const nodes = await driver.executeQuery(
    "MATCH (n) WHERE NOT any(l IN labels(n) WHERE l IN $withoutLabels) WITH n, labels(n) AS labels ORDER BY n.id RETURN labels, properties(n) AS props",
    { withoutLabels },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE NOT coalesce(r.id, '') IN $withoutRels AND NOT any(l IN labels(a) + labels(b) WHERE l IN $withoutLabels)
     RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props ORDER BY r.id, a.id, t, b.id`,
    { withoutRels, withoutLabels },
  );
  const canonical = (value: unknown): string => JSON.stringify(value, (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v));
  const lines = [
    ...nodes.records.map((r) => canonical({ l: [...r.get("labels")].sort(), p: Object.fromEntries(Object.entries(r.get("props")).filter(([k]) => !without.includes(k))) })),
    ...rels.records.map((r) => canonical(r.toObject())),
  ].sort();
  return { nodes: nodes.records.length, rels: rels.records.length, hash: createHash("sha256").update(lines.join("\n")).digest("hex") };
}

/** A copy of the seed folder to break or change; removed by the returned cleanup. */
export async function seedCopy(): Promise<{ dir: string; edit(file: string, from: string | RegExp, to: string): Promise<void>; remove(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kg-seed-"));
  await fs.cp(SEED_DIR, dir, { recursive: true });
  return {
    dir,
    async edit(file, from, to) {
      const target = path.join(dir, file);
      const before = await fs.readFile(target, "utf8");
      const after = before.replace(from, to);
      if (after === before) throw new Error(`edit of ${file} changed nothing: ${String(from)}`);
      await fs.writeFile(target, after);
    },
    remove: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/** What the curation write path and the keys add beside the facts: the audit trail, curated entries, keys. */
export const CURATION_LABELS = ["Revision", "CuratedEntry", "CurationCounter", "ApiKey"];

/** The facts' graph only (no revision, curated entry or key, no revision's CHANGED link). */
export function factsFingerprint(driver: Driver) {
  return graphFingerprint(driver, [], [], CURATION_LABELS);
}

/**
 * Removes every curated fact and revision (and, with `keys`, every API key), then loads the seed as
 * it is: the graph the other tests expect.
 */
export async function resetCuration(driver: Driver, options: { keys?: boolean } = {}): Promise<void> {
  const labels = CURATION_LABELS.filter((l) => options.keys || l !== "ApiKey");
  await driver.executeQuery(`MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) DETACH DELETE n`, { labels });
  await loadSeed({ driver, database: inject("neo4j").database, dir: SEED_DIR, logger: createLogger("silent", "tests") });
}
