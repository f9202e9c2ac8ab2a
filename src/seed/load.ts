import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { Logger } from "../shared/logger.js";
import { compileSeed } from "./compile.js";
import { readCurationLayer } from "./curated.js";
import { ensureGraphSchema } from "./graph-schema.js";
import { NAMED_LABELS } from "../graph/model.js";
import { writePlan, type WriteProgress } from "./write-plan.js";

export interface LoadSummary {
  /** Nodes per label, relationships per type, as counted in the database after the load. */
  labels: Record<string, number>;
  relationships: Record<string, number>;
  millis: number;
}

export interface LoadOptions {
  driver: Driver;
  database: string;
  /** The seed folder (default: seed/ of the project). */
  dir: string;
  logger: Logger;
  /** Told as each document is written (the CLI draws a progress bar from it). */
  progress?: WriteProgress;
}

/**
 * Validates the whole seed, every document, then writes it: the shared entities, then one
 * transaction per document (see writePlan). A broken seed throws SeedValidationError before
 * anything is written, constraints included.
 */
export async function loadSeed({ driver, database, dir, logger, progress }: LoadOptions): Promise<LoadSummary> {
  const started = performance.now();
  logger.info({ dir: path.resolve(dir) }, "validating the seed");
  // Facts curated through the API are compiled with the seed's own: a reload keeps them.
  const curation = await readCurationLayer(driver, database);
  const plan = await compileSeed(dir, curation);
  logger.info({ nodes: plan.nodes.length, relationships: plan.rels.length }, "seed is valid; creating constraints and indexes");
  await ensureGraphSchema(driver, database);
  await writePlan(driver, database, plan, logger, progress);
  const summary = await graphSummary(driver, database);
  return { ...summary, millis: Math.round(performance.now() - started) };
}

/** Loads the seed when the graph has no seeded nodes (first start of the service), or was loaded by an older version. */
export async function seedIfEmpty(opts: LoadOptions): Promise<LoadSummary | null> {
  const { records } = await opts.driver.executeQuery(
    `MATCH (n:Entity) WITH count(n) AS n
     OPTIONAL MATCH (old:Entity) WHERE old.foldedNames IS NULL AND any(label IN labels(old) WHERE label IN $named)
     RETURN n, count(old) AS old`,
    { named: [...NAMED_LABELS] },
    { database: opts.database, routing: "READ" },
  );
  const [entities, old] = [Number(records[0]!.get("n")), Number(records[0]!.get("old"))];
  if (entities > 0 && old === 0) return null;
  // A graph an older version loaded lacks what search's name lookup reads (`foldedNames`): the
  // loader is idempotent, so loading the seed again brings it up to date.
  opts.logger.info(entities === 0 ? "the graph is empty: loading the seed" : "the graph was loaded by an older version: loading the seed again");
  return loadSeed(opts);
}

export async function graphSummary(driver: Driver, database: string): Promise<Omit<LoadSummary, "millis">> {
  const labels = await driver.executeQuery(
    "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label",
    {},
    { database, routing: "READ" },
  );
  const rels = await driver.executeQuery(
    "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type",
    {},
    { database, routing: "READ" },
  );
  return {
    labels: Object.fromEntries(labels.records.map((r) => [r.get("label") as string, Number(r.get("n"))])),
    relationships: Object.fromEntries(rels.records.map((r) => [r.get("type") as string, Number(r.get("n"))])),
  };
}

export function formatSummary(s: LoadSummary): string {
  const table = (title: string, rows: Record<string, number>) =>
    [`${title}:`, ...Object.entries(rows).map(([k, n]) => `  ${k.padEnd(18)} ${String(n).padStart(6)}`)].join("\n");
  return `${table("Nodes by label", s.labels)}\n${table("Relationships by type", s.relationships)}\nLoaded in ${s.millis} ms`;
}
