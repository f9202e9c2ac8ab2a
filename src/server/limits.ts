import { GraphQLError, Lexer, Source, TokenKind, getVariableValues, type GraphQLSchema, type ValidationContext } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import type { Config } from "../config/config.js";
import { ErrorCode } from "../shared/errors.js";

/**
 * A request refused by one of the limits (tokens, depth, aliases, directives, cost). Raised (or
 * marked, for the token limit) where the limit is enforced, so the error shaping recognises it by
 * its class, never by its wording. A client error: 400 under application/graphql-response+json.
 */
export class LimitExceededError extends GraphQLError {
  constructor(message: string, limit: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, ...details, http: { status: 400 } } });
    this.name = "LimitExceededError";
  }
}

/** Errors raised by the parser that are the token limit's doing (see tokenLimitPlugin). */
const tokenLimitRejections = new WeakSet<object>();

/** True when `error`, or an error it wraps, is a limit's refusal. */
export function isLimitRejection(error: unknown): boolean {
  for (let e = error as { originalError?: unknown } | undefined, hops = 0; e && typeof e === "object" && hops < 5; e = e.originalError as typeof e, hops++) {
    if (e instanceof LimitExceededError || tokenLimitRejections.has(e)) return true;
  }
  return false;
}

/**
 * Armor's rules report through this handler instead of their own (which files every refusal under
 * BAD_USER_INPUT): the error is a LimitExceededError from the start.
 */
function reportLimit(limit: string) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    ctx?.reportError(new LimitExceededError(error.message.replace(/^Syntax Error: /, ""), limit));
  };
}

/**
 * Depth, alias and directive limits from GraphQL Armor; they run as validation rules, so a hostile
 * document is refused before any resolver or database work. Armor's token limit is off: it throws
 * from Apollo's parsingDidStart hook, outside Apollo's error handling, which turns every syntax
 * error into a 500. The parser's own `maxTokens` does that job (see tokenLimitPlugin).
 */
export function armorProtection(config: Config) {
  const rejected = (limit: string) => ({ onReject: [reportLimit(limit)], propagateOnRejection: false });
  return new ApolloArmor({
    maxDepth: { n: config.MAX_QUERY_DEPTH, ignoreIntrospection: true, ...rejected("depth") },
    maxAliases: { n: config.MAX_ALIASES, ...rejected("aliases") },
    maxDirectives: { n: 20, ...rejected("directives") },
    maxTokens: { enabled: false },
    // Cost is estimated below with page sizes taken into account, which Armor's estimate ignores.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.NODE_ENV === "production" },
  }).protect();
}

/** Apollo's `parseOptions`: graphql-js stops parsing at the (MAX_TOKENS + 1)-th token. */
export function parseOptions(config: Config) {
  return { maxTokens: config.MAX_TOKENS };
}

/**
 * True when the parser stopped exactly at the (limit + 1)-th token, which is where graphql-js raises
 * its token limit; any other syntax error stops elsewhere (or before the limit is reached).
 */
function stoppedAtTokenLimit(source: string, error: GraphQLError, limit: number): boolean {
  const position = error.positions?.[0];
  if (position === undefined) return false;
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      count++;
      if (count > limit) return token.start === position;
      if (token.start >= position) return false;
    }
  } catch {
    return false; // the lexer met the syntax error first
  }
  return false;
}

/** Marks the parser's token-limit errors as limit refusals (QUERY_TOO_COMPLEX, 400). */
export function tokenLimitPlugin(config: Config): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          return async (error) => {
            if (error instanceof GraphQLError && source !== undefined && stoppedAtTokenLimit(source, error, config.MAX_TOKENS)) {
              tokenLimitRejections.add(error);
            }
          };
        },
      };
    },
  };
}

/** A list field costs its children times the rows it may return (`first`/`limit`, or the default). */
function pageEstimator(defaultPageSize: number): ComplexityEstimator {
  return ({ args, childComplexity }) => {
    const rows = typeof args.first === "number" ? args.first : typeof args.limit === "number" ? args.limit : null;
    if (rows === null) return undefined;
    return 1 + childComplexity * Math.max(rows, 1);
  };
}

/** Refuses operations whose estimated cost exceeds MAX_QUERY_COST, after validation, before execution. */
export function costLimitPlugin(schema: GraphQLSchema, config: Config): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Variables that do not fit their types are left to execution, which reports them as
          // BAD_USER_INPUT; the estimate needs coerced values and would otherwise throw here.
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
          if (coerced.errors) return;
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [pageEstimator(config.DEFAULT_PAGE_SIZE), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > config.MAX_QUERY_COST) {
            throw new LimitExceededError(
              `This query's estimated cost is ${cost}, over the limit of ${config.MAX_QUERY_COST}. Ask for fewer rows (first/limit) or fewer nested lists.`,
              "cost",
              { cost, maxCost: config.MAX_QUERY_COST },
            );
          }
        },
      };
    },
  };
}
