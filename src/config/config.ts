import path from "node:path";
import { z } from "zod";

/**
 * Every setting of the service, read once from the environment. The README's configuration table
 * lists the same names and defaults: keep them in step.
 */
const Env = z.object({
  /** HTTP port of the API. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Interface the API binds to. */
  HOST: z.string().default("127.0.0.1"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** pino level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  /** The seed folder (`seed/` of the project when unset): what `npm run seed`, `npm run ingest` and a first start read. */
  SEED_DIR: z.string().min(1).optional(),

  /** An existing Neo4j (bolt://, neo4j://, +s, +ssc). When set, no Neo4j is started. */
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.string().default("neo4j"),
  /** Without NEO4J_URI: `auto` tries a container runtime, then the local Neo4j; or force one. */
  NEO4J_RUNTIME: z.enum(["auto", "container", "local"]).default("auto"),
  /** Where the local Neo4j of `npm start` keeps its data (kept across restarts). */
  NEO4J_DATA_DIR: z.string().default(".data/neo4j"),
  /** Bolt port of the local Neo4j; 0 picks a free one. */
  NEO4J_LOCAL_BOLT_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Seconds to wait for a started Neo4j to answer (the first run also downloads it). */
  NEO4J_START_TIMEOUT: z.coerce.number().positive().default(600),
  /**
   * Most queries this process runs on Neo4j at once (the driver's connection pool); more wait for a
   * connection (at most 2 s). Sized for a Neo4j of a few cores: more concurrent queries than it
   * has cores only make each slower, and right after a restart they swamp its cold planner.
   */
  NEO4J_MAX_CONNECTIONS: z.coerce.number().int().positive().default(10),

  /**
   * Milliseconds a request's reads may take, all together: each query's transaction timeout, which
   * Neo4j enforces, and a deadline the service keeps itself (for a Neo4j that does not answer).
   * Over it the request fails with SERVICE_UNAVAILABLE.
   */
  READ_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Milliseconds a client has to send all request headers (slow clients are cut off). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Milliseconds a client has to send the whole request, headers and body. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),

  /** Page size when `first` is not given. */
  DEFAULT_PAGE_SIZE: z.coerce.number().int().positive().default(20),
  /** Largest `first` (and `limit`) accepted; above it the request is refused with BAD_USER_INPUT. */
  MAX_PAGE_SIZE: z.coerce.number().int().positive().default(100),
  /** Deepest selection set accepted. */
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
  /** Highest estimated cost accepted (graphql-armor cost limit). */
  MAX_QUERY_COST: z.coerce.number().int().positive().default(50000),
  /** Most aliases in one operation. */
  MAX_ALIASES: z.coerce.number().int().positive().default(30),
  /** Largest JSON answer sent; above it the answer is replaced by RESPONSE_TOO_LARGE. */
  MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(4 * 1024 * 1024),
  /** Most tokens in one document (stops huge documents before parsing them whole). */
  MAX_TOKENS: z.coerce.number().int().positive().default(2000),
  /**
   * `on`: each root field's whole selection is read in one Cypher query (data/compile.ts). `off`:
   * fields are read level by level through batched loaders, the plain path the planner is tested
   * against.
   */
  READ_PLANNER: z.enum(["on", "off"]).default("on"),
  /**
   * `true`: unexpected errors show their real message and every error its stack trace in responses,
   * for debugging. Off by default in every NODE_ENV: clients see a fixed message and the request id.
   */
  EXPOSE_ERRORS: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  /**
   * `open`: anyone may query; `key`: every GraphQL request and download needs an API key
   * (`authorization: Bearer <key>`), else 401 UNAUTHENTICATED. /healthz and /readyz stay open.
   * A key that is sent is checked either way.
   */
  READ_ACCESS: z.enum(["open", "key"]).default("open"),
  /** Seconds to let in-flight requests finish on SIGINT/SIGTERM. */
  SHUTDOWN_GRACE: z.coerce.number().positive().default(10),
});

export type Config = z.infer<typeof Env> & { projectRoot: string; /** SEED_DIR, resolved. */ seedDir: string };

/** The project's root, whether running from `src/` (tests) or `dist/src/` (compiled). */
export const projectRoot = findProjectRoot();

function findProjectRoot(): string {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const parts = here.split(path.sep);
  const distAt = parts.lastIndexOf("dist");
  const srcAt = parts.lastIndexOf("src");
  const cut = distAt >= 0 ? distAt : srcAt;
  return parts.slice(0, cut).join(path.sep) || "/";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, projectRoot, seedDir: path.resolve(parsed.data.SEED_DIR ?? path.join(projectRoot, "seed")) };
}
