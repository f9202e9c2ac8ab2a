import { GraphQLError } from "graphql";

/**
 * Every code a client can see in `errors[].extensions.code`, with the HTTP status it comes with.
 * The README's error table lists the same codes: keep them in step.
 */
export enum ErrorCode {
  /** An argument is malformed or out of range (bad id, page size over the maximum, bad cursor, bad search), or a variable does not fit its type. */
  BAD_USER_INPUT = "BAD_USER_INPUT",
  /** The document does not parse. */
  GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED",
  /** The document is not valid against the schema (unknown field, wrong argument, a subscription: the schema has none). */
  GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED",
  /** The operation is larger, deeper, costlier or has more aliases than the configured limits. */
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  /**
   * The HTTP request is not a GraphQL request this service takes: the body is not JSON or is too
   * large, `query` is missing or not a string, `variables` is not an object, a batch (an array),
   * an unknown `operationName`, a persisted-query hash that does not match, or a GET refused as a
   * possible cross-site request.
   */
  BAD_REQUEST = "BAD_REQUEST",
  /** A method other than GET and POST (405; the `allow` header lists them). */
  METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED",
  /** A POST body that is not `application/json` (415). */
  UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE",
  /** The `accept` header names no type the service answers in (406). */
  NOT_ACCEPTABLE = "NOT_ACCEPTABLE",
  /** Automatic persisted queries: the hash is not known yet; send the query with it (the protocol clients follow). */
  PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND",
  /** The answer is larger than MAX_RESPONSE_BYTES; ask for fewer rows or fields. */
  RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE",
  /**
   * The request carries no API key where one is needed, or one that is malformed, unknown or
   * revoked (401, with `www-authenticate: Bearer`). A key that is sent is always checked, even
   * where reads need none: a client with a wrong key learns it.
   */
  UNAUTHENTICATED = "UNAUTHENTICATED",
  /** The API key is valid but its role is weaker than the operation needs (403); the message names both roles. */
  FORBIDDEN = "FORBIDDEN",
  /** A write was based on a version of the data that has changed since it was read (409); read it again and retry. */
  CONFLICT = "CONFLICT",
  /** Neo4j does not answer; try again later. */
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  /** Anything unexpected; the response carries `requestId`, and the details are in the server log under it, never in the response. */
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

export function badInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) },
  });
}

/** A client error with the HTTP status (and headers) Apollo sends it with: `extensions.http`. */
function withStatus(code: ErrorCode, message: string, status: number, extensions: Record<string, unknown> = {}, headers?: Array<[string, string]>): GraphQLError {
  return new GraphQLError(message, {
    // Apollo reads `http` (status, and headers as a Map) into the response, and leaves it out of the body.
    extensions: { ...extensions, code, http: { status, ...(headers ? { headers: new Map(headers) } : {}) } },
  });
}

/** 401 UNAUTHENTICATED, with `www-authenticate: Bearer`. The message must never quote the key. */
export function unauthenticated(message: string): GraphQLError {
  return withStatus(ErrorCode.UNAUTHENTICATED, message, 401, {}, [["www-authenticate", "Bearer"]]);
}

/** 403 FORBIDDEN: a valid key whose role is not enough. */
export function forbidden(message: string): GraphQLError {
  return withStatus(ErrorCode.FORBIDDEN, message, 403);
}

/** 409 CONFLICT: a write based on data that has changed since; `extensions` may say what changed. */
export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return withStatus(ErrorCode.CONFLICT, message, 409, extensions);
}
