import http from "node:http";
import { randomUUID } from "node:crypto";
import express from "express";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { pinoHttp } from "pino-http";
import type { Driver } from "neo4j-driver";
import type { Config } from "../config/config.js";
import type { Logger } from "../shared/logger.js";
import { formatError } from "./format-error.js";
import { createContext, type Context } from "./context.js";
import { createSchema, type SchemaExtension } from "./schema.js";
import { armorProtection, costLimitPlugin, httpServerOptions, responseSizePlugin } from "./limits.js";
import { neo4jAnswers } from "../db/ping.js";
import { explorerRoutes } from "./explorer.js";
import { exportRoutes } from "./export-routes.js";
import { httpErrorHandler } from "./http-errors.js";

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
 * Builds the HTTP app (GraphQL at /graphql, /healthz, /readyz, the explorer at /explorer/, downloads
 * at /exports/) without listening, so tests and benchmarks can build it in-process.
 */
export async function createApp(deps: AppDeps): Promise<App> {
  const { driver, config, logger } = deps;
  const exposeDetails = config.NODE_ENV === "development";
  const { schema, model } = await createSchema(deps.schemaExtension);
  const app = express();
  const httpServer = http.createServer(httpServerOptions(config), app);
  const armor = armorProtection(config);

  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: exposeDetails,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    formatError: (formatted, error) => formatError(formatted, error, exposeDetails),
    plugins: [
      // Armor is typed against the CommonJS build of @apollo/server; the plugins are the same at run time.
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE * 1000 }),
      costLimitPlugin(schema, config, driver),
      responseSizePlugin(config),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue }) {
              for (const error of errors) {
                if (!error.extensions?.code || error.extensions.code === "INTERNAL_SERVER_ERROR") {
                  contextValue.logger.error({ err: error.originalError ?? error }, "unexpected error");
                }
              }
            },
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
    ],
  });
  await apollo.start();

  app.disable("x-powered-by");
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id = typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  // Answers within a second whatever Neo4j does (down, restarting, paused).
  app.get("/readyz", async (_req, res) => {
    if (await neo4jAnswers(driver, config.NEO4J_DATABASE, 1_000)) res.json({ status: "ready", neo4j: "up" });
    else res.status(503).json({ status: "unavailable", neo4j: "down" });
  });

  app.use("/exports", exportRoutes(deps));
  app.use("/explorer", explorerRoutes(config.projectRoot));

  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext({ ...deps, model }, String(req.id)),
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
    stop: () => apollo.stop(),
  };
}
