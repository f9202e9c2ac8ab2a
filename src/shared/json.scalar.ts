import { GraphQLJSONObject } from "graphql-scalars";

/**
 * `JSONObject`: a JSON object (string keys; values strings, numbers, booleans, null, lists or
 * objects), for open-ended data such as the stored properties of a node or relationship. The scalar
 * is graphql-scalars' own; type-graphql takes it as a field type (`@Field(() => JSONObject)`) and
 * adds it to the schema where a field uses it.
 */
export const JSONObject = GraphQLJSONObject;

/** What a JSONObject field resolves to. */
export type JsonObject = Record<string, unknown>;
