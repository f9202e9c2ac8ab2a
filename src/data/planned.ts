import { defaultFieldResolver, isObjectType, type GraphQLSchema } from "graphql";
import { TYPE_KEY } from "./compile.js";

/** True for an object the read model built: its fields are stored by response key. */
export const isPlanned = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && TYPE_KEY in value;

/**
 * Makes every field of the schema answer from the value the read model built for it: an object
 * built by a plan holds each selected field under its response key (aliases apart), so the field
 * is taken from there and its resolver does not run. A field the plan left out (read level by
 * level, or not declared) runs its resolver as usual. Called once, on the built schema.
 */
export function answerPlannedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        if (isPlanned(source)) {
          const answer = source[info.path.key as string];
          if (answer !== undefined) return answer;
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** The GraphQL type of an object for an interface's `resolveType`: a planned one says it, an entity has `__typename`. */
export const typeNameOf = (value: Record<string, unknown>): string | undefined =>
  (value[TYPE_KEY] as string | undefined) ?? (value.__typename as string | undefined);
