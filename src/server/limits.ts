import { GraphQLError, type GraphQLSchema } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import type { Config } from "../config/config.js";
import { ErrorCode } from "../shared/errors.js";

/**
 * Depth, alias, directive and token limits from GraphQL Armor; they run as validation rules, so a
 * hostile document is refused before any resolver or database work.
 */
export function armorProtection(config: Config) {
  return new ApolloArmor({
    maxDepth: { n: config.MAX_QUERY_DEPTH, ignoreIntrospection: true },
    maxAliases: { n: config.MAX_ALIASES },
    maxDirectives: { n: 20 },
    maxTokens: { n: config.MAX_TOKENS },
    // Cost is estimated below with page sizes taken into account, which Armor's estimate ignores.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.NODE_ENV === "production" },
  }).protect();
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
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [pageEstimator(config.DEFAULT_PAGE_SIZE), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > config.MAX_QUERY_COST) {
            throw new GraphQLError(
              `This query's estimated cost is ${cost}, over the limit of ${config.MAX_QUERY_COST}. Ask for fewer rows (first/limit) or fewer nested lists.`,
              { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost: config.MAX_QUERY_COST } },
            );
          }
        },
      };
    },
  };
}
