import "reflect-metadata";
import { inject } from "vitest";
import { pino } from "pino";
import type { Driver } from "neo4j-driver";
import { loadConfig, type Config } from "../../src/config/config.js";
import { createLogger } from "../../src/shared/logger.js";
import { createDriver } from "../../src/db/driver.js";
import { createApp } from "../../src/server/app.js";
import type { SchemaExtension } from "../../src/server/schema.js";

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; [k: string]: unknown } }> };
}

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  config: Config;
  driver: Driver;
  /**
   * POSTs a GraphQL operation over HTTP, as any client would; `headers` are added to the request's
   * (e.g. `authorization`). fetch sends `accept: *\/*`, which is answered as legacy application/json
   * (200 for a request refused before it runs); a request with no `accept` at all needs raw-http.ts.
   */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Database queries the last response reported in its Server-Timing header. */
  dbQueries(response: GraphQLResponse): number;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Point the driver elsewhere, e.g. a closed port to see how the API behaves when Neo4j is down. */
  neo4jUri?: string;
  /** Resolvers and declarations added to the API's own. */
  schemaExtension?: SchemaExtension;
  /** Collects the server's log, one parsed JSON object a line (the logger is silent otherwise). */
  log?: Array<Record<string, any>>;
  /** The level `log` collects from; info unless given ("trace" shows every query's Cypher). */
  logLevel?: string;
}

/** The real app, on a free port, against the test run's Neo4j. */
export async function startTestServer(env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const conn = { ...inject("neo4j"), ...(options.neo4jUri ? { uri: options.neo4jUri } : {}) };
  const config = loadConfig({ ...process.env, NODE_ENV: "test", NEO4J_URI: conn.uri, ...env });
  const logger = options.log
    ? pino({ name: "test-server", level: options.logLevel ?? "info" }, { write: (line: string) => void options.log!.push(JSON.parse(line)) })
    : createLogger("silent", "test-server");
  const driver = createDriver(conn);
  const app = await createApp({ driver, config, logger, schemaExtension: options.schemaExtension });
  const { port } = await app.listen(0, "127.0.0.1");
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    config,
    driver,
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, headers: res.headers, body: await res.json() };
    },
    dbQueries(response) {
      const header = response.headers.get("server-timing") ?? "";
      const match = /db;desc="(\d+) queries"/.exec(header);
      if (!match) throw new Error(`no db timing in Server-Timing: ${header}`);
      return Number(match[1]);
    },
    async close() {
      await app.stop();
      await driver.close();
    },
  };
}
