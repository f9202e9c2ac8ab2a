import { GraphQLError } from "graphql";

/** Every code a client can see in `errors[].extensions.code`. */
export enum ErrorCode {
  /** An argument is malformed or out of range (bad id, page size over the maximum, bad cursor, bad search). */
  BAD_USER_INPUT = "BAD_USER_INPUT",
  /** The document does not parse. */
  GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED",
  /** The document is not valid against the schema. */
  GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED",
  /** The operation is deeper, costlier or larger than the configured limits. */
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  /** The answer is larger than MAX_RESPONSE_BYTES; ask for fewer rows or fields. */
  RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE",
  /** Neo4j does not answer; try again later. */
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  /** Anything unexpected; details are in the server log under the request id, never in the response. */
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

export function badInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) },
  });
}
