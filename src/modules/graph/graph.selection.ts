import { getNamedType, isObjectType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import { collectFields, subSelections, type SelectionContext } from "../../data/selection.js";

/**
 * What a graph view has to read and build beyond its nodes' ids, types and labels and its edges'
 * ids, ends and types, as the request's selection asks for it.
 */
export interface ViewNeeds {
  /** Every stored property of the nodes. */
  nodeProperties: boolean;
  /** Every stored property of the relationships. */
  edgeProperties: boolean;
  /** Each edge's evidence (from its properties, or its claim's). */
  evidence: boolean;
  /** The nodes' positions. */
  layout: boolean;
}

/** Everything: what a view needs when its selection is not known. */
export const EVERYTHING: ViewNeeds = { nodeProperties: true, edgeProperties: true, evidence: true, layout: true };

/**
 * The rule, field by field: what each field of a view's types needs. A field of these types that
 * is not listed (one added later) needs everything, so a new field is never answered from a read
 * that left out what it shows; the test in tests/api/graph-selection.test.ts compares the answers.
 */
const NEEDS: Record<string, Record<string, ReadonlyArray<keyof ViewNeeds>>> = {
  GraphView: { __typename: [], nodes: [], viewNodes: [], edges: [], truncated: [] },
  GraphNode: { __typename: [], id: [], type: [], label: [], properties: ["nodeProperties"], layout: ["layout"] },
  GraphViewNode: { __typename: [], key: [], type: [], label: [], properties: ["nodeProperties"], layout: ["layout"] },
  // MADE, ABOUT and SUPPORTED_BY take their evidence from the claim's properties.
  GraphEdge: { __typename: [], id: [], source: [], target: [], type: [], properties: ["edgeProperties"], evidence: ["evidence", "edgeProperties", "nodeProperties"] },
  // Layout hints and mentions are built from what their parent field needs.
  GraphLayoutHint: {},
  Mention: {},
};

/** What the selection of a field returning a GraphView (`neighbourhood`, `shortestPath`) needs. */
export function viewNeeds(info: GraphQLResolveInfo): ViewNeeds {
  const needs: ViewNeeds = { nodeProperties: false, edgeProperties: false, evidence: false, layout: false };
  const selection: SelectionContext = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  const visit = (type: GraphQLObjectType, nodes: readonly FieldNode[]): void => {
    const rules = NEEDS[type.name];
    if (!rules) {
      Object.assign(needs, EVERYTHING);
      return;
    }
    if (Object.keys(rules).length === 0) return;
    for (const fieldNodes of collectFields(selection, type, subSelections(nodes)).values()) {
      const name = fieldNodes[0]!.name.value;
      const wants = rules[name];
      if (!wants) {
        Object.assign(needs, EVERYTHING);
        continue;
      }
      for (const want of wants) needs[want] = true;
      const fieldType = name === "__typename" ? undefined : getNamedType(type.getFields()[name]?.type);
      if (fieldType && isObjectType(fieldType)) visit(fieldType, fieldNodes);
    }
  };
  const viewType = getNamedType(info.returnType);
  if (!isObjectType(viewType)) return { ...EVERYTHING };
  visit(viewType, info.fieldNodes);
  return needs;
}
