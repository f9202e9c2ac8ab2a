import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  isAbstractType,
  typeFromAST,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

/** What a selection needs besides its nodes: the operation's fragments and variable values. */
export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * The fields a selection asks of an object type, by response key (aliases apart, repeated fields
 * merged), in order; with fragments and inline fragments that apply to the type, and without what
 * `@skip`/`@include` leave out. The same rules as graphql-js's own field collection.
 */
export function collectFields(ctx: SelectionContext, type: GraphQLObjectType, selectionSets: readonly (SelectionSetNode | undefined)[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(ctx, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || applies(ctx, selection.typeCondition.name.value, type)) walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = ctx.fragments[name];
        if (fragment && applies(ctx, fragment.typeCondition.name.value, type)) walk(fragment.selectionSet);
      }
    }
  };
  for (const set of selectionSets) if (set) walk(set);
  return fields;
}

/** The sub-selections of merged field nodes. */
export const subSelections = (nodes: readonly FieldNode[]) => nodes.map((n) => n.selectionSet);

function included(ctx: SelectionContext, node: { directives?: readonly unknown[] } & Parameters<typeof getDirectiveValues>[1]): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, ctx.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables)?.if !== false;
}

function applies(ctx: SelectionContext, condition: string, type: GraphQLObjectType): boolean {
  if (condition === type.name) return true;
  const conditional = typeFromAST(ctx.schema, { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: condition } });
  return conditional !== undefined && isAbstractType(conditional) && ctx.schema.isSubType(conditional, type);
}
