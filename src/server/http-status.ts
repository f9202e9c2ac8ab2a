import type { ApolloServerPlugin } from "@apollo/server";
import Negotiator from "negotiator";
import { ErrorCode } from "../shared/errors.js";
import { GRAPHQL_RESPONSE_TYPES } from "./http-guards.js";

/**
 * Errors about the document or its variables, raised before execution: the request itself was a
 * well-formed GraphQL-over-HTTP request.
 */
const REQUEST_ERROR_CODES = new Set<unknown>([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.BAD_USER_INPUT,
]);

/**
 * The type Apollo answers in for this `accept` header (it prefers application/json on a tie, as
 * for `*\/*`). Without one, application/graphql-response+json: defaultAccept sets it before Apollo.
 */
function responseType(accept: string | undefined): string | undefined {
  if (!accept?.trim()) return GRAPHQL_RESPONSE_TYPES[0];
  return new Negotiator({ headers: { accept } }).mediaType(["application/json", "application/graphql-response+json"]);
}

/**
 * Status codes by the GraphQL-over-HTTP spec. Apollo already answers parse, validation, limit and
 * variable-coercion failures with 400 (the last by default since Apollo Server 5; `http.status` on the
 * limit errors); that is right under `application/graphql-response+json`, which is also what a
 * request without `accept` gets (see defaultAccept). Under the legacy `application/json`, when the
 * client asks for it, the spec asks for 200 for every well-formed request, the errors in the body,
 * which is what older clients expect; refusals of malformed requests (BAD_REQUEST, 405, 415) keep
 * their 4xx either way.
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== "single") return;
          const { errors, data } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          if (!errors.every((error) => REQUEST_ERROR_CODES.has(error.extensions?.code))) return;
          if (responseType(request.http?.headers.get("accept")) === "application/json") response.http.status = 200;
        },
      };
    },
  };
}
