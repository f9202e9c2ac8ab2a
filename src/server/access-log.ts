import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import type { Logger } from "../shared/logger.js";

/** The client's `x-request-id` when it is a plain token, else a fresh one; echoed in the response. */
function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers["x-request-id"];
  const id = typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  res.setHeader("x-request-id", id);
  return id;
}

/**
 * Gives every request its id (`req.id`, the `x-request-id` header) and, when the log level lets
 * info lines through, logs each response with pino-http. Below that level pino-http is left out
 * altogether: it builds a child logger holding the serialised request for every request, logged
 * or not, which measured about a tenth of the CPU of a small query. The `authorization` header
 * (API keys) is replaced by `[redacted]` in every line.
 */
export function accessLog(logger: Logger): RequestHandler {
  if (logger.isLevelEnabled("info")) {
    return pinoHttp({
      logger,
      genReqId: requestIdOf,
      // An API key is a password: no log line carries it (pino-http logs every request header).
      redact: { paths: ["req.headers.authorization"], censor: "[redacted]" },
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    });
  }
  return (req, res, next) => {
    req.id = requestIdOf(req, res);
    next();
  };
}
