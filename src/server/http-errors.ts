import type { ErrorRequestHandler } from "express";
import { ErrorCode } from "../shared/errors.js";
import type { Logger } from "../shared/logger.js";

/** What body-parser and express attach to the errors they raise. */
interface HttpError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * The last handler of the app: errors raised before a request reaches GraphQL (a body that is not
 * JSON, one over the size limit) or outside it answer in the GraphQL-over-HTTP error shape, with a
 * code from the one enum, instead of express's HTML page; internals never leave the server.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: HttpError, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    const client = status >= 400 && status < 500;
    if (!client) logger.error({ err: error, requestId: req.id }, "unexpected HTTP error");
    const message =
      error.type === "entity.too.large"
        ? "The request body is larger than the server accepts (100 kB)."
        : error.type === "entity.parse.failed"
          ? "The request body is not valid JSON."
          : client && error.expose
            ? error.message
            : "Internal server error";
    res.status(client ? status : 500).json({
      errors: [{ message, extensions: client ? { code: ErrorCode.BAD_REQUEST } : { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: String(req.id) } }],
    });
  };
}
