import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLCompositeType,
  isObjectType,
  type FormattedExecutionResult,
  type GraphQLOutputType,
  type GraphQLSchema,
  type ValidationContext,
} from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import type { Driver } from "neo4j-driver";
import type { ServerOptions } from "node:http";
import { LRUCache } from "lru-cache";
import type { ReadModel } from "../data/model.js";
import { DEFAULT_VIEW_LIMIT } from "../modules/graph/graph.resolver.js";
import { DEFAULT_PATH_LENGTH, MAX_PATH_LENGTH } from "../modules/graph/graph.repository.js";
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
    // Every alias counts, `__typename` ones too (Armor lets those through by default): thirty
    // aliases of anything are thirty answers to build.
    maxAliases: { n: config.MAX_ALIASES, allowList: [], ...rejected("aliases") },
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

/**
 * Rows a graph view's list can return, per row of its parent (views are built by their own reads,
 * not declared). A declared relation's bound is in its declaration (`most`); any other list of
 * objects without a size argument is a relation list (a person's affiliations, a program's
 * participants, a claim's subjects): costed at UNPAGED_ROWS.
 */
const VIEW_ROWS: Record<string, number> = {
  // The root field multiplies by its `limit` (neighbourhood) or `maxLength` (shortestPath):
  // one node per row, and at most five edges per node (graph.repository caps edges at 5 × limit).
  "GraphView.nodes": 1,
  "GraphView.edges": 5,
  // An edge's evidence is its one quote (or its claim's text).
  "GraphEdge.evidence": 1,
};

/**
 * Fields whose value is large: their cost is about their size in units of ~250 characters, so a
 * long text asked for many times costs what it weighs. The whole transcript is ~25,000 characters,
 * a paragraph or a claim at most ~500.
 */
const FIELD_WEIGHT: Record<string, number> = {
  "Document.text": 100,
  "Passage.text": 2,
  "Claim.text": 2,
  "Program.description": 2,
  "GraphNode.properties": 2,
  "GraphEdge.properties": 2,
};

/**
 * Rows a relation list without a size argument is costed at. Such lists are as long as the graph
 * makes them: the seed's longest is 7 (the subjects of one claim, the speakers of one event).
 * Past the estimate, MAX_RESPONSE_BYTES still bounds what one answer can hold.
 */
const UNPAGED_ROWS = 10;

function intArg(args: Record<string, unknown>, name: string): number | null {
  const value = args[name];
  return typeof value === "number" && Number.isFinite(value) ? Math.max(Math.trunc(value), 0) : null;
}

/**
 * The cost model, one graphql-query-complexity estimator: a field costs 1 (or its weight), and a
 * field returning rows costs 1 + its selection × the rows it can return: `first` (DEFAULT_PAGE_SIZE
 * when absent) for connections, evidence and search; `limit` for neighbourhood, `maxLength + 1` for
 * shortestPath; the graph's node count for graphExport (which returns a file, not a selection).
 * Sizes over the maximum are the caller's input error, refused by the field itself with
 * BAD_USER_INPUT naming the argument and the maximum, before it reads anything: the estimate
 * clamps them to MAX_PAGE_SIZE so that the cost never answers for them. What stays expensive at
 * sizes within the maximum (nested lists) is still refused here.
 */
export function rowEstimator(options: {
  defaultPageSize: number;
  maxPageSize: number;
  graphNodes: () => number;
  /** The most rows a declared relation returns per parent (its declaration's `most`). */
  declaredRows?: (type: GraphQLCompositeType, field: string) => number | undefined;
}): ComplexityEstimator {
  // A page over MAX_PAGE_SIZE counts as MAX_PAGE_SIZE: its field refuses it (see above).
  const clamp = (n: number) => Math.min(Math.max(n, 1), options.maxPageSize);
  const pageSize = (args: Record<string, unknown>) => clamp(intArg(args, "first") ?? options.defaultPageSize);
  return ({ type, field, args, childComplexity }) => {
    const key = `${type.name}.${field.name}`;
    // Introspection answers from the schema, not the graph: the whole schema costs 5,000, so a few
    // full introspections fit in one query and thirty do not; its lists are not multiplied.
    if (key === "Query.__schema") return 5000 + childComplexity;
    if (key === "Query.__type") return 100 + childComplexity;
    if (type.name.startsWith("__")) return 1 + childComplexity;
    if (key === "Query.neighbourhood") return 1 + childComplexity * clamp(intArg(args, "limit") ?? DEFAULT_VIEW_LIMIT);
    if (key === "Query.shortestPath") return 1 + childComplexity * (Math.min(intArg(args, "maxLength") ?? DEFAULT_PATH_LENGTH, MAX_PATH_LENGTH) + 1);
    if (key === "Query.graphExport") {
      // Every node may be in the file (with its properties, and its text with includePassages).
      // The whole file is built in memory before it is sent: it weighs ten units a node.
      return 1 + options.graphNodes() * (args.includePassages === true ? 15 : 10);
    }
    const weight = FIELD_WEIGHT[key];
    if (weight !== undefined) return weight + childComplexity;
    // A connection's `edges` are the rows its field's `first` already counted.
    const bounded =
      VIEW_ROWS[key] ?? (type.name.endsWith("Connection") && field.name === "edges" ? 1 : options.declaredRows?.(type, field.name));
    if (bounded !== undefined) return 1 + childComplexity * bounded;
    if (field.args.some((a) => a.name === "first")) {
      return 1 + childComplexity * pageSize(args);
    }
    if (isListOfObjects(field.type)) return 1 + childComplexity * UNPAGED_ROWS;
    return undefined;
  };
}

function isListOfObjects(type: GraphQLOutputType): boolean {
  const nullable = getNullableType(type);
  return isListType(nullable) && isCompositeType(getNamedType(nullable));
}

/**
 * The number of nodes in the graph, for costing `graphExport`: read from Neo4j's count store at
 * most once a minute, in the background; until the first answer, a conservative guess.
 */
export class GraphSize {
  private nodes = 1000;
  private readAt = 0;
  private reading = false;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  current(): number {
    if (!this.reading && Date.now() - this.readAt > 60_000) {
      this.reading = true;
      this.driver
        .executeQuery("MATCH (n) RETURN count(n) AS n", {}, { database: this.database, routing: "READ" })
        .then((result) => {
          this.nodes = Math.max(Number(result.records[0]?.get("n") ?? 0), 1);
          this.readAt = Date.now();
        })
        .catch(() => {
          // Neo4j is down: keep the last count; the export itself will fail with SERVICE_UNAVAILABLE.
          this.readAt = Date.now() - 50_000;
        })
        .finally(() => {
          this.reading = false;
        });
    }
    return this.nodes;
  }
}

/** Refuses operations whose estimated cost exceeds MAX_QUERY_COST, after validation, before execution. */
export function costLimitPlugin(schema: GraphQLSchema, config: Config, options: { driver?: Driver; model?: ReadModel } = {}): ApolloServerPlugin {
  const { driver, model } = options;
  const size = driver ? new GraphSize(driver, config.NEO4J_DATABASE) : null;
  const estimator = rowEstimator({
    defaultPageSize: config.DEFAULT_PAGE_SIZE,
    maxPageSize: config.MAX_PAGE_SIZE,
    graphNodes: () => size?.current() ?? 1000,
    declaredRows: (type, field) => {
      const source = model && isObjectType(type) ? model.source(type, field) : undefined;
      return source?.kind === "relation" ? source.most : undefined;
    },
  });
  const estimates = new WeakMap<DocumentNode, LRUCache<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Variables that do not fit their types are left to execution, which reports them as
          // BAD_USER_INPUT; the estimate needs coerced values and would otherwise throw here.
          if (!operation) return;
          // Apollo hands every request of one query text the same parsed document, so the estimate
          // of a document with given variables (and graph size, which graphExport's depends on) is
          // worked out once, not on every request.
          let byInputs = estimates.get(document);
          if (!byInputs) estimates.set(document, (byInputs = new LRUCache<string, number>({ max: 64 })));
          const graphNodes = size?.current() ?? 1000;
          const key = `${request.operationName ?? ""}\u0000${graphNodes}\u0000${JSON.stringify(request.variables ?? {})}`;
          let cost = byInputs.get(key);
          if (cost === undefined) {
            const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
            if (coerced.errors) return;
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [estimator, simpleEstimator({ defaultComplexity: 1 })],
            });
            byInputs.set(key, cost);
          }
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

/** The JSON of answers the size check measured, by their `data`: Apollo sends that text instead of serialising the answer again. */
const measured = new WeakMap<object, string>();

/** Apollo's `stringifyResult`: the text the size check already made, else Apollo's own (JSON and a newline). */
export function stringifyResult(value: FormattedExecutionResult): string {
  const json = value.data ? measured.get(value.data) : undefined;
  return json ?? `${JSON.stringify(value)}\n`;
}

/**
 * The last line of defence behind the cost limit: an answer whose JSON is larger than
 * MAX_RESPONSE_BYTES is replaced by a RESPONSE_TOO_LARGE error (HTTP 400), so no client receives
 * (and no proxy buffers) more than that, whatever the estimate missed. The JSON it measures is the
 * JSON sent (see `stringifyResult`), so it must be the last plugin to change an answer.
 */
export function responseSizePlugin(config: Config): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          if (result.data === undefined || result.data === null) return;
          // Apollo's field order: errors, data, extensions.
          const json = `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
          const bytes = Buffer.byteLength(json);
          if (bytes <= config.MAX_RESPONSE_BYTES) {
            measured.set(result.data, json);
            return;
          }
          response.body.singleResult = {
            errors: [
              {
                message: `The answer would be ${bytes} bytes, over the limit of ${config.MAX_RESPONSE_BYTES}. Ask for fewer rows or fewer fields.`,
                extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, bytes, maxBytes: config.MAX_RESPONSE_BYTES },
              },
            ],
          };
          response.http.status = 400;
        },
      };
    },
  };
}

/**
 * Node's HTTP timeouts, so a slow client cannot hold a connection: all headers within
 * HTTP_HEADERS_TIMEOUT_MS, the whole request (headers and body) within HTTP_REQUEST_TIMEOUT_MS
 * (then 408 and the connection is closed); Node checks them every second (its default is every
 * 30 s). An idle keep-alive connection is closed after 5 s.
 */
export function httpServerOptions(config: Config): ServerOptions {
  return {
    headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: 1_000,
    keepAliveTimeout: 5_000,
  };
}
