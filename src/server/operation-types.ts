import { GraphQLError, type ValidationRule } from "graphql";

/**
 * A validation rule: an operation whose root type the schema does not define (this schema has
 * queries and mutations, no subscriptions) is invalid, so `subscription { … }` is refused as GRAPHQL_VALIDATION_FAILED before
 * execution instead of failing inside it. graphql-js 17 ships the same check as
 * KnownOperationTypesRule; graphql 16 leaves it to execution.
 */
export const KnownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === "query" ? schema.getQueryType() : node.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) {
      context.reportError(new GraphQLError(`This service does not support ${node.operation} operations: the schema has no ${node.operation} type.`, { nodes: node }));
    }
  },
});
