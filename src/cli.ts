import "reflect-metadata";
import { Command } from "commander";
import { GraphQLError } from "graphql";
import { loadConfig } from "./config/config.js";
import { createLogger } from "./shared/logger.js";
import { acquireNeo4j } from "./db/runtime.js";
import { createDriver } from "./db/driver.js";
import { compileSeed } from "./seed/compile.js";
import { formatSummary, loadSeed } from "./seed/load.js";
import { SeedValidationError } from "./seed/problems.js";
import { formatIngest, ingestTranscript } from "./seed/ingest.js";
import { terminalProgress } from "./seed/terminal-progress.js";
import { DocumentWriteError } from "./seed/write-plan.js";
import { onShutdownSignal } from "./runtime/lifecycle.js";
import path from "node:path";
import fs from "node:fs/promises";
import { POSSIBLE_TYPES_FILE, printPossibleTypes, printSortedSchema, SCHEMA_FILE } from "./server/schema.js";
import { createApiKey, ensureKeySchema, listApiKeys, revokeApiKey, type ApiKeyInfo } from "./auth/keys.js";
import { VERIFIED_KEY_TTL_MS } from "./auth/verifier.js";
import { ErrorCode } from "./shared/errors.js";
import type { Driver } from "neo4j-driver";

const program = new Command()
  .name("kg")
  .description("Zhusan knowledge graph: seed loader, local Neo4j and API keys")
  .showHelpAfterError();

program
  .command("seed")
  .description("validate every seed file, then load them into Neo4j: shared entities, then one transaction per document (idempotent)")
  .option("-d, --dir <dir>", "seed folder (default: SEED_DIR, else seed/ of the project)")
  .option("--check", "only validate; do not connect to Neo4j")
  .action(async (opts: { dir?: string; check?: boolean }) => {
    const config = loadConfig();
    opts.dir ??= config.seedDir;
    const logger = createLogger(config.LOG_LEVEL, "seed");
    if (opts.check) {
      const plan = await compileSeed(opts.dir);
      console.log(`The seed is valid: ${plan.nodes.length} nodes and ${plan.rels.length} relationships.`);
      return;
    }
    const neo4j = await acquireNeo4j({ config, logger, purpose: "service" });
    const driver = createDriver(neo4j);
    try {
      const summary = await loadSeed({ driver, database: neo4j.database, dir: opts.dir, logger, progress: terminalProgress() });
      console.log(formatSummary(summary));
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  });

program
  .command("ingest")
  .description("add a transcript to the seed as documents/<slug>/: its text, event.yaml and people.yaml; passages, speakers and mentions are computed; claims are curated by hand")
  .argument("<transcript>", "the transcript, a plain-text file (copied byte for byte)")
  .requiredOption("-e, --event <file>", "the event file: document (id, title), event, and the event's people")
  .option("-d, --dir <dir>", "seed folder (default: SEED_DIR, else seed/ of the project)")
  .option("--force", "replace the document's folder when it exists")
  .action(async (transcript: string, opts: { event: string; dir?: string; force?: boolean }) => {
    const config = loadConfig();
    const result = await ingestTranscript({ transcript, eventFile: opts.event, seedDir: opts.dir ?? config.seedDir, force: opts.force });
    console.log(formatIngest(result));
  });

program
  .command("neo4j")
  .description("start the local Neo4j (or the container) on its own and print its Bolt URI; Ctrl-C stops it")
  .action(async () => {
    const config = loadConfig();
    const logger = createLogger(config.LOG_LEVEL, "neo4j");
    const neo4j = await acquireNeo4j({ config, logger, purpose: "service" });
    console.log(`Neo4j (${neo4j.source}) listening at ${neo4j.uri}  (NEO4J_URI=${neo4j.uri})`);
    onShutdownSignal(logger, config.SHUTDOWN_GRACE, () => neo4j.stop());
  });

program
  .command("schema")
  .description("write schema/schema.graphql (sorted SDL) and schema/possible-types.json from the code; --check only compares")
  .option("--check", "exit 1 when a committed file differs, without writing it")
  .action(async (opts: { check?: boolean }) => {
    const files: Array<[string, string]> = [
      [SCHEMA_FILE, await printSortedSchema()],
      [POSSIBLE_TYPES_FILE, await printPossibleTypes()],
    ];
    for (const [file, text] of files) {
      const relative = path.relative(process.cwd(), file);
      if (opts.check) {
        const committed = await fs.readFile(file, "utf8").catch(() => "");
        if (committed !== text) throw new Error(`${relative} is out of date: run npm run schema`);
        console.log(`${relative} is up to date.`);
        continue;
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
      console.log(`wrote ${relative}`);
    }
  });

/** Runs `work` with a driver to the Neo4j `seed` would use (NEO4J_URI when set), then closes both. */
async function withNeo4j<T>(purpose: string, work: (driver: Driver, database: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, purpose);
  const neo4j = await acquireNeo4j({ config, logger, purpose: "service" });
  const driver = createDriver(neo4j);
  try {
    return await work(driver, neo4j.database);
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}

/** A mistake of the person running the command (exit 2), said in a sentence. */
class KeysInputError extends Error {}

function keyTable(keys: ApiKeyInfo[]): string {
  const rows = [["id", "name", "role", "created", "revoked"], ...keys.map((k) => [k.id, k.name, k.role, k.createdAt, k.revokedAt ?? "-"])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

const keys = program
  .command("keys")
  .description("API keys for writes (and for reads under READ_ACCESS=key): create, list, revoke")
  // Usage mistakes (a missing option, an unknown subcommand) exit 2, as bad input does.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

keys
  .command("create")
  .description("issue a key with a role; the key is printed once and only its hash is stored")
  .requiredOption("-r, --role <role>", "curator, editor or admin (an editor may do all a curator may; an admin, all)")
  .requiredOption("-n, --name <name>", "who the key is for (1 to 100 characters)")
  .action(async (opts: { role: string; name: string }) => {
    const created = await withNeo4j("keys", async (driver, database) => {
      await ensureKeySchema(driver, database);
      return createApiKey(driver, database, { name: opts.name, role: opts.role });
    });
    console.log(`Created API key ${created.id} for "${created.name}" (${created.role}) at ${created.createdAt}:`);
    console.log("");
    console.log(`  ${created.key}`);
    console.log("");
    console.log("Store it now, somewhere safe: it is shown only this once and cannot be recovered. Send it as `Authorization: Bearer <key>`.");
  });

keys
  .command("list")
  .description("every key: id, name, role, when it was created and revoked (never a key or its hash)")
  .action(async () => {
    const all = await withNeo4j("keys", (driver, database) => listApiKeys(driver, database));
    console.log(all.length === 0 ? "No API keys." : keyTable(all));
  });

keys
  .command("revoke")
  .description("revoke a key by its id: refused from then on (by other running servers within 30 s)")
  .argument("<id>", "the key's id (`keys list`; the part after kg_ in the key)")
  .action(async (id: string) => {
    const result = await withNeo4j("keys", (driver, database) => revokeApiKey(driver, database, id));
    if (!result.existed) throw new KeysInputError(`No API key has the id ${id}.`);
    if (!result.wasActive) {
      console.log(`API key ${id} was already revoked at ${result.revokedAt}.`);
      return;
    }
    console.log(`Revoked API key ${id} at ${result.revokedAt}. Running servers refuse it within ${VERIFIED_KEY_TTL_MS / 1000} s.`);
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof KeysInputError || (error instanceof GraphQLError && error.extensions.code === ErrorCode.BAD_USER_INPUT)) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof SeedValidationError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DocumentWriteError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
