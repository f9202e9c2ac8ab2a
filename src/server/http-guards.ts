import type { Request, RequestHandler, Response } from "express";
import type { IncomingHttpHeaders } from "node:http";
import Negotiator from "negotiator";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../shared/errors.js";

/** Media types a GraphQL response is sent in; the first is the GraphQL-over-HTTP spec's own. */
export const GRAPHQL_RESPONSE_TYPES = ["application/graphql-response+json", "application/json"];

/** Headers that a browser never sends cross-site without a CORS preflight (Apollo's names). */
const PREFLIGHT_HEADERS = ["apollo-require-preflight", "x-apollo-operation-name"];

function refuse(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The request asks for a GraphQL response (not `*\/*`, not a page or an image). */
function asksForGraphQL(req: Request): boolean {
  const accept = req.headers.accept;
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaTypes(GRAPHQL_RESPONSE_TYPES).some((type) => accept.includes(type));
}

/**
 * What reaches Apollo at /graphql, checked before it (Apollo's own CSRF prevention is off: these
 * rules replace it):
 *
 * - Methods other than GET and POST: 405 METHOD_NOT_ALLOWED with `allow: GET, POST`.
 * - POST bodies must be `application/json` (415 UNSUPPORTED_MEDIA_TYPE otherwise, and when the
 *   header is missing). That is also the cross-site request forgery defence for POST: a page on
 *   another origin can send text/plain, form or multipart bodies without asking, never JSON.
 * - GET is accepted without a preflight header when it asks for a GraphQL response (`accept:
 *   application/graphql-response+json` or `application/json`), as urql and other spec clients send
 *   short queries. CSRF prevention protects against side effects, and a GET has none here: Apollo
 *   runs only queries over GET (a mutation is answered 405 METHOD_NOT_ALLOWED with `allow: POST`,
 *   before anything runs), query resolvers only read, and there are no cookies or credentials to
 *   ride on. Cross-origin pages cannot read the
 *   answer either (no CORS headers). A GET that asks for neither type nor carries a preflight header
 *   (`apollo-require-preflight`, `x-apollo-operation-name`) is what an `<img>`, `<script>` or a
 *   navigation sends: 400 BAD_REQUEST, so the API's answers stay out of pages that did not ask.
 */
export function graphqlHttpGuards(): RequestHandler {
  return (req, res, next) => {
    if (req.method === "POST") {
      if (!req.is("application/json")) {
        refuse(res, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "POST /graphql takes a JSON body: send `content-type: application/json`.");
        return;
      }
      return next();
    }
    if (req.method === "GET") {
      const preflighted = PREFLIGHT_HEADERS.some((name) => (req.headers[name]?.length ?? 0) > 0);
      if (preflighted || asksForGraphQL(req)) return next();
      refuse(
        res,
        400,
        ErrorCode.BAD_REQUEST,
        "A GET to /graphql must ask for a GraphQL response (`accept: application/graphql-response+json`) or carry an `apollo-require-preflight` header.",
      );
      return;
    }
    res.setHeader("allow", "GET, POST");
    refuse(res, 405, ErrorCode.METHOD_NOT_ALLOWED, `/graphql answers GET and POST, not ${req.method}.`);
  };
}

/**
 * A request without `accept` (or with an empty one) is answered as if it had asked for
 * `application/graphql-response+json`, as the GraphQL-over-HTTP spec says a server should since its
 * watershed (2025-01-01): 400 for a document that does not parse or validate, variables that do
 * not fit, a limit, instead of the legacy 200. Clients that want the legacy type send `accept:
 * application/json`. The header is set on the request, before Apollo, so that Apollo's own
 * negotiation (the Content-Type of every answer it writes, its refusals included) and
 * httpStatusPlugin read the same type. After graphqlHttpGuards: a GET without `accept` is still
 * refused there as one a page on another site could send.
 */
export function defaultAccept(): RequestHandler {
  return (req, _res, next) => {
    if (!req.headers.accept?.trim()) req.headers.accept = GRAPHQL_RESPONSE_TYPES[0];
    next();
  };
}

/**
 * How deep a request's `variables` (and `extensions`) may nest. The deepest input the schema takes
 * is a few levels (a list of enum values, the `quantity` filter); JSON nested thousands deep fits
 * in a small body and overflows the stack of whatever walks it recursively (JSON.stringify, the
 * cost estimate, graphql-js's coercion), which answered 500.
 */
export const MAX_VARIABLES_DEPTH = 32;

/** The depth of a parsed JSON value, walked without recursion; stops counting past `limit`. */
function depthOver(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses, with 400 BAD_REQUEST, a request whose `variables` or `extensions` nest deeper than
 * MAX_VARIABLES_DEPTH, before anything walks them: a POST body as express.json parsed it, a GET's
 * query-string JSON parsed here the same way Apollo will.
 */
export function variablesDepthGuard(): RequestHandler {
  return (req, res, next) => {
    for (const name of ["variables", "extensions"] as const) {
      let value: unknown = req.method === "GET" ? req.query[name] : (req.body as Record<string, unknown> | undefined)?.[name];
      if (typeof value === "string" && req.method === "GET") {
        try {
          value = JSON.parse(value);
        } catch {
          continue; // not JSON: Apollo refuses it as the bad request it is
        }
      }
      if (depthOver(value, MAX_VARIABLES_DEPTH)) {
        refuse(res, 400, ErrorCode.BAD_REQUEST, `\`${name}\` nests deeper than ${MAX_VARIABLES_DEPTH} levels; no input of this API is that deep.`);
        return;
      }
    }
    next();
  };
}

/** Idempotency-Key values taken: 1 to 255 visible ASCII characters (a UUID is the usual one). */
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

/**
 * The request's `Idempotency-Key` header, when it has one: a write retried with the same key (and
 * the same API key) is made once, and the retry answers with the first write's revision. A
 * malformed one is refused (400 BAD_REQUEST) rather than ignored, which would make a retry write twice.
 */
export function idempotencyKeyOf(headers: IncomingHttpHeaders): string | null {
  const given = headers["idempotency-key"];
  if (given === undefined) return null;
  if (typeof given !== "string" || !IDEMPOTENCY_KEY.test(given)) {
    throw new GraphQLError("Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID, say).", { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } });
  }
  return given;
}
