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
  /** The document is not valid against the schema (unknown field, wrong argument, a mutation: the schema has none). */
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
  /** Neo4j does not answer; try again later. */
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  /** No API key where one is needed, or a key that is unknown, malformed or revoked (401, `www-authenticate: Bearer`). */
  UNAUTHENTICATED = "UNAUTHENTICATED",
  /** The key's role may not do this (403). */
  FORBIDDEN = "FORBIDDEN",
  /** The write expected another revision of the fact, or reused an Idempotency-Key for another write (409). */
  CONFLICT = "CONFLICT",
  /** Anything unexpected; the response carries `requestId`, and the details are in the server log under it, never in the response. */
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

export function badInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) },
  });
}

const coded = (code: ErrorCode, status: number, headers?: Map<string, string>) => (message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { ...extensions, code, http: { status, ...(headers ? { headers } : {}) } } });

export const unauthenticated = coded(ErrorCode.UNAUTHENTICATED, 401, new Map([["www-authenticate", "Bearer"]]));
export const forbidden = coded(ErrorCode.FORBIDDEN, 403);
export const conflict = coded(ErrorCode.CONFLICT, 409);
