import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { Neo4jError } from "neo4j-driver";
import { Neo4jUnavailableError } from "../db/errors.js";
import { ErrorCode } from "../shared/errors.js";
import type { Logger } from "../shared/logger.js";
import { isLimitRejection } from "./limits.js";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../data/context.js";

export interface FormatErrorOptions {
  /** EXPOSE_ERRORS: the real message and stack of unexpected errors in responses (never by default). */
  exposeErrors: boolean;
}

/** Codes whose messages are written for clients and pass through as they are. */
const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.BAD_REQUEST,
  ErrorCode.METHOD_NOT_ALLOWED,
  ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  ErrorCode.NOT_ACCEPTABLE,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.CONFLICT,
]);

/** Apollo's own codes for requests it refuses before running them, in this service's enum. */
const APOLLO_REQUEST_CODES = new Set(["BAD_REQUEST", "OPERATION_RESOLUTION_FAILURE", "PERSISTED_QUERY_NOT_SUPPORTED"]);

const HTTP_CODES: Record<number, ErrorCode> = {
  405: ErrorCode.METHOD_NOT_ALLOWED,
  406: ErrorCode.NOT_ACCEPTABLE,
  413: ErrorCode.BAD_REQUEST,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
};

/** Neo4j's codes for "cannot reach the database" and the driver's own. */
function isUnavailable(error: unknown): boolean {
  if (error instanceof Neo4jUnavailableError) return true;
  if (error instanceof Neo4jError) {
    return (
      error.code === "ServiceUnavailable" ||
      error.code === "SessionExpired" ||
      error.code.startsWith("Neo.TransientError.General.DatabaseUnavailable")
    );
  }
  return false;
}

/** The HTTP status Apollo attached to an error it raised (`extensions.http`), if any. */
function httpStatusOf(error: unknown): number | undefined {
  const http = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http;
  return typeof http?.status === "number" ? http.status : undefined;
}

/** The code a client sees for this error; INTERNAL_SERVER_ERROR for anything not meant for it. */
export function codeOf(formatted: GraphQLFormattedError, error: unknown): ErrorCode {
  if (isUnavailable(unwrapResolverError(error))) return ErrorCode.SERVICE_UNAVAILABLE;
  // Raised before execution (the context's key check): Apollo wraps it without a path.
  if (error instanceof GraphQLError && isUnavailable(error.originalError)) return ErrorCode.SERVICE_UNAVAILABLE;
  if (isLimitRejection(error)) return ErrorCode.QUERY_TOO_COMPLEX;
  const code = formatted.extensions?.code;
  const status = httpStatusOf(error);
  if (typeof code === "string" && APOLLO_REQUEST_CODES.has(code)) return (status && HTTP_CODES[status]) || ErrorCode.BAD_REQUEST;
  if (typeof code === "string" && CLIENT_CODES.has(code)) return code as ErrorCode;
  // Apollo's refusals that carry a 4xx but no code (a persisted-query hash that does not match).
  if (status !== undefined && status >= 400 && status < 500) return HTTP_CODES[status] ?? ErrorCode.BAD_REQUEST;
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Apollo's formatError: the one place errors are shaped for clients, the same in every NODE_ENV.
 * Client errors keep their message under a code from the enum; driver outages become
 * SERVICE_UNAVAILABLE; everything else becomes INTERNAL_SERVER_ERROR with a fixed message (the
 * request id is added, and the error logged, by `unexpectedErrorsPlugin`, which sees the request).
 * Stack traces reach a response only with EXPOSE_ERRORS=true.
 */
export function formatError(given: GraphQLFormattedError, error: unknown, options: FormatErrorOptions): GraphQLFormattedError {
  const code = codeOf(given, error);
  const { stacktrace, ...extensions } = given.extensions ?? {};
  const debug = options.exposeErrors && stacktrace !== undefined ? { stacktrace } : {};
  const where = { ...(given.locations ? { locations: given.locations } : {}), ...(given.path ? { path: given.path } : {}) };
  if (code === ErrorCode.SERVICE_UNAVAILABLE) {
    return { message: "The graph database is unavailable; try again shortly.", ...where, extensions: { code, ...debug } };
  }
  if (code === ErrorCode.INTERNAL_SERVER_ERROR) {
    return { message: options.exposeErrors ? given.message : "Internal server error", ...where, extensions: { code, ...debug } };
  }
  return { message: given.message, ...where, extensions: { ...extensions, code, ...debug } };
}

/**
 * What formatError cannot do, since Apollo gives it no request: each unexpected error is logged
 * (stack, message, cause) under the request id, and the error the client sees carries that id.
 */
export function unexpectedErrorsPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (codeOf(error as GraphQLFormattedError, error) !== ErrorCode.INTERNAL_SERVER_ERROR) continue;
            const original = unwrapResolverError(error);
            const cause = (original as { cause?: unknown })?.cause;
            logger.error({ err: original, cause, requestId: contextValue.requestId, path: error.path }, "unexpected error");
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
