import { isAbstractType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from "graphql";
import { NODE_PROPERTIES, type EntityLabel } from "../../graph/model.js";
import { NODE_PROPS } from "./entity.js";
import type { NodeRender } from "./relation.js";

/**
 * Properties that only their GraphQL field of the same name reads (a default resolver on the type
 * of the same name): display values that no resolver, loader, cursor, sort or type resolution
 * touches. A query may leave one out when the operation selects that field nowhere.
 *
 * Never listed: `id`; sort and cursor keys (`name`, `date`, `start`); ids of related nodes
 * (`passageId`, `speakerId`, `documentId`); anything a mapper or resolver reads besides its own field.
 * `aliases` and `demonyms` may be listed: toEntity turns an absent list into [] and only the field reads it.
 */
export const DISPLAY_ONLY: Readonly<Partial<Record<EntityLabel, readonly string[]>>> = {
  Person: ["title", "honorific", "aliases"],
  Organisation: ["acronym", "kind", "aliases", "wikidataId"],
  Country: ["aliases", "demonyms"],
  Region: ["kind", "aliases", "demonyms"],
  Program: ["kind", "description", "aliases"],
  Event: ["online", "participantCount", "participantCountQualifier", "recordingUrl"],
  Document: ["title", "url", "text"],
  Passage: ["text"],
  Claim: ["text", "kind"],
};

/**
 * The field names a document selects on each object type, anywhere: every operation and every
 * fragment, whether used or not; a field selected through an interface (`Node`) counts for every
 * type implementing it. A superset of what the operation can read. Null when a field's parent type
 * cannot be told (then nothing may be left out).
 */
export function selectedFields(schema: GraphQLSchema, document: DocumentNode): Map<string, Set<string>> | null {
  const selected = new Map<string, Set<string>>();
  const typeInfo = new TypeInfo(schema);
  let unknown = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) {
          unknown = true;
          return;
        }
        for (const type of isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent]) {
          let fields = selected.get(type.name);
          if (!fields) selected.set(type.name, (fields = new Set()));
          fields.add(node.name.value);
        }
      },
    }),
  );
  return unknown ? null : selected;
}

/**
 * Per label, the properties to read for an operation: every property of the label except the
 * DISPLAY_ONLY ones the operation does not select. Only labels that leave something out.
 */
export function keptProperties(selected: Map<string, Set<string>> | null): Map<EntityLabel, string[]> {
  const kept = new Map<EntityLabel, string[]>();
  if (!selected) return kept;
  for (const [label, droppable] of Object.entries(DISPLAY_ONLY) as Array<[EntityLabel, readonly string[]]>) {
    const fields = selected.get(label);
    const dropped = new Set(droppable.filter((p) => !fields?.has(p)));
    if (dropped.size > 0) kept.set(label, NODE_PROPERTIES[label].filter((p) => !dropped.has(p)));
  }
  return kept;
}

/**
 * Apollo parses a repeated query once and hands every request the same DocumentNode, so the walk
 * over it is done once per document, not once per request.
 */
const keptByDocument = new WeakMap<DocumentNode, Map<EntityLabel, string[]>>();

function keptFor(schema: GraphQLSchema, document: DocumentNode): Map<EntityLabel, string[]> {
  let kept = keptByDocument.get(document);
  if (!kept) keptByDocument.set(document, (kept = keptProperties(selectedFields(schema, document))));
  return kept;
}

/**
 * How the queries of one request render node properties. Until `select` is given the operation,
 * and for labels it leaves nothing out of, a node is read whole (`NODE_PROPS`); after, a node of
 * a label that leaves something out is read property by property (Cypher map projections cannot
 * exclude keys), chosen by its label in the query itself, so the rendering is right whatever node
 * a pattern binds.
 *
 * Why sharing loaders stays safe: the properties kept for a label are those of the whole operation,
 * so every entity any query of the request reads (and any loader caches) has every property any
 * field of the request reads.
 *
 * Lifetime: one request; `select` once, before execution (server/app.ts, didResolveOperation).
 */
export class NodeProjection {
  private kept = new Map<EntityLabel, string[]>();

  select(schema: GraphQLSchema, document: DocumentNode): void {
    this.kept = keptFor(schema, document);
  }

  /** The properties of the node bound to `variable`, as a Cypher map. */
  readonly props = (variable: string): string => {
    if (this.kept.size === 0) return NODE_PROPS(variable);
    const cases = [...this.kept].map(([label, keys]) => `WHEN ${variable}:${label} THEN ${variable} {${keys.map((k) => `.${k}`).join(", ")}}`);
    return `CASE ${cases.join(" ")} ELSE ${NODE_PROPS(variable)} END`;
  };

  /** A node value (`{labels, props}`, as NODE_VALUE) with this projection. */
  readonly node: NodeRender = (variable) => `{labels: labels(${variable}), props: ${this.props(variable)}}`;
}
