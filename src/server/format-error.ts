import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { Neo4jError } from "neo4j-driver";
import { Neo4jUnavailableError } from "../db/errors.js";
import { ErrorCode } from "../shared/errors.js";

const KNOWN = new Set<string>(Object.values(ErrorCode));

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

/**
 * GraphQL Armor reports its depth, alias, directive and token limits as "Syntax Error: … limit of N
 * exceeded" and Apollo files them under validation; a real syntax error is filed there too once
 * Armor's token counter has parsed the document. Both get their proper code here.
 */
function reclassify(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== ErrorCode.GRAPHQL_VALIDATION_FAILED || !formatted.message.startsWith("Syntax Error:")) return formatted;
  const code = /limit of \d+ exceeded/.test(formatted.message) ? ErrorCode.QUERY_TOO_COMPLEX : ErrorCode.GRAPHQL_PARSE_FAILED;
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}

/**
 * Apollo's formatError: the one place errors are shaped for clients. Known codes pass through;
 * driver outages become SERVICE_UNAVAILABLE; everything else becomes INTERNAL_SERVER_ERROR with a
 * generic message (details and stack only in development).
 */
export function formatError(given: GraphQLFormattedError, error: unknown, exposeDetails: boolean): GraphQLFormattedError {
  const formatted = reclassify(given);
  const original = unwrapResolverError(error);
  if (isUnavailable(original)) {
    return {
      message: "The graph database is unavailable; try again shortly.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === "string" && KNOWN.has(code)) {
    if (exposeDetails) return formatted;
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (typeof code === "string" && code === "PERSISTED_QUERY_NOT_FOUND") return formatted;
  return {
    message: exposeDetails ? formatted.message : "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      ...(exposeDetails ? { stacktrace: formatted.extensions?.stacktrace } : {}),
    },
  };
}
