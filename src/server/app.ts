import http from "node:http";
import express from "express";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { Driver } from "neo4j-driver";
import type { Config } from "../config/config.js";
import type { Logger } from "../shared/logger.js";
import { formatError, unexpectedErrorsPlugin } from "./format-error.js";
import { createContext, type Context } from "./context.js";
import { createSchema, type SchemaExtension } from "./schema.js";
import { armorProtection, costLimitPlugin, httpServerOptions, parseOptions, responseSizePlugin, stringifyResult, tokenLimitPlugin } from "./limits.js";
import { neo4jAnswers } from "../db/ping.js";
import { Neo4jOutage } from "../db/outage.js";
import { KnownOperationTypes } from "./operation-types.js";
import { httpStatusPlugin } from "./http-status.js";
import { defaultAccept, graphqlHttpGuards, variablesDepthGuard } from "./http-guards.js";
import { explorerRoutes } from "./explorer.js";
import { graphiqlRoutes } from "./graphiql.js";
import { exportRoutes } from "./export-routes.js";
import { httpErrorHandler } from "./http-errors.js";
import { accessLog } from "./access-log.js";
import { KeyVerifier } from "../auth/verifier.js";

export interface AppDeps {
  driver: Driver;
  config: Config;
  logger: Logger;
  /** More resolvers and declarations (a schema that grows, in tests). */
  schemaExtension?: SchemaExtension;
}

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Starts listening; resolves with the address actually bound (PORT 0 picks a free port). */
  listen(port: number, host: string): Promise<{ url: string; port: number }>;
  /** Stops accepting requests, lets in-flight ones finish, then returns. Does not close the driver. */
  stop(): Promise<void>;
}

/**
 * Builds the HTTP app (GraphQL at /graphql, GraphiQL for browsers at /graphql and /graphiql/, /healthz,
 * /readyz, the explorer at /explorer/, downloads
 * at /exports/) without listening, so tests and benchmarks can build it in-process.
 */
export async function createApp(deps: AppDeps): Promise<App> {
  const { driver, config, logger } = deps;
  const exposeErrors = config.EXPOSE_ERRORS;
  const { schema, model } = await createSchema(deps.schemaExtension);
  const outage = new Neo4jOutage(driver, config.NEO4J_DATABASE, config.READ_TIMEOUT_MS, logger);
  // One for the app, shared by every request: it caches the keys it verified (auth/verifier.ts).
  const verifier = new KeyVerifier(driver, config.NEO4J_DATABASE, { timeoutMs: config.READ_TIMEOUT_MS, outage });
  const app = express();
  const httpServer = http.createServer(httpServerOptions(config), app);
  const armor = armorProtection(config);

  const apollo = new ApolloServer<Context>({
    schema,
    // Replaced by graphqlHttpGuards (JSON-only POST bodies, GETs that ask for GraphQL): see there.
    csrfPrevention: false,
    introspection: true,
    includeStacktraceInErrorResponses: exposeErrors,
    parseOptions: parseOptions(config),
    validationRules: [KnownOperationTypes, ...armor.validationRules],
    allowBatchedHttpRequests: false,
    stringifyResult,
    formatError: (formatted, error) => formatError(formatted, error, { exposeErrors }),
    plugins: [
      // Armor is typed against the CommonJS build of @apollo/server; the plugins are the same at run time.
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      // GraphiQL is served instead (graphiqlRoutes): Apollo's page loads Apollo Sandbox from CDNs.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE * 1000 }),
      tokenLimitPlugin(config),
      // No field declares a cache hint; the default cache-control plugin would still wrap every
      // field's resolution (willResolveField) on every request.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(schema, config, { driver, model }),
      httpStatusPlugin(),
      unexpectedErrorsPlugin(logger),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              const { count, millis } = contextValue.db.stats;
              // Standard header, so browsers' dev tools and benchmarks see the database work per
              // request, and how many fields were read through their loaders instead of a plan.
              response.http.headers.set(
                "server-timing",
                `db;desc="${count} queries";dur=${millis.toFixed(1)}, fallback;desc="${contextValue.read.stats.fallbacks} fields"`,
              );
              await contextValue.db.close();
            },
          };
        },
      },
      // Last: it measures the answer as it will be sent, and keeps that text for stringifyResult.
      responseSizePlugin(config),
    ],
  });
  await apollo.start();

  app.disable("x-powered-by");
  app.use(accessLog(logger));

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  // Answers within a second whatever Neo4j does (down, restarting, paused).
  app.get("/readyz", async (_req, res) => {
    if (await neo4jAnswers(driver, config.NEO4J_DATABASE, 1_000)) res.json({ status: "ready", neo4j: "up" });
    else res.status(503).json({ status: "unavailable", neo4j: "down" });
  });

  app.use("/exports", exportRoutes({ ...deps, outage, verifier }));
  app.use("/explorer", explorerRoutes(config.projectRoot));
  const graphiql = graphiqlRoutes(config.projectRoot);
  app.use("/graphiql", graphiql.assets);

  app.use(
    "/graphql",
    graphiql.page,
    graphqlHttpGuards(),
    defaultAccept(),
    express.json({ limit: "100kb" }),
    variablesDepthGuard(),
    expressMiddleware(apollo, {
      // A bad key, or none under READ_ACCESS=key, is thrown from here: Apollo answers with the
      // error's `extensions.http` (401, www-authenticate) before parsing the operation.
      context: async ({ req }) => createContext({ ...deps, model, outage, verifier }, String(req.id), req.headers),
    }),
  );
  app.use(httpErrorHandler(logger));

  return {
    httpServer,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          const address = httpServer.address();
          const bound = typeof address === "object" && address ? address.port : port;
          const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
          resolve({ url: `http://${shownHost}:${bound}/graphql`, port: bound });
        });
      }),
    stop: async () => {
      outage.stop();
      await apollo.stop();
    },
  };
}
