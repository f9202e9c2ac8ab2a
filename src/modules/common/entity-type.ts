import { registerEnumType } from "type-graphql";
import { Label } from "../../graph/model.js";

/** The kinds of node a client can ask for by id; each is one Neo4j label (and one GraphQL type). */
export enum EntityType {
  PERSON = "PERSON",
  ORGANISATION = "ORGANISATION",
  COUNTRY = "COUNTRY",
  REGION = "REGION",
  PROGRAM = "PROGRAM",
  EVENT = "EVENT",
  DOCUMENT = "DOCUMENT",
  PASSAGE = "PASSAGE",
  CLAIM = "CLAIM",
}

registerEnumType(EntityType, { name: "EntityType", description: "The kinds of node in the graph; each is also a GraphQL type implementing Node." });

/** GraphQL type name == Neo4j label, for every entity type. */
export const LABEL_OF: Record<EntityType, string> = {
  PERSON: Label.Person,
  ORGANISATION: Label.Organisation,
  COUNTRY: Label.Country,
  REGION: Label.Region,
  PROGRAM: Label.Program,
  EVENT: Label.Event,
  DOCUMENT: Label.Document,
  PASSAGE: Label.Passage,
  CLAIM: Label.Claim,
};

const TYPE_OF = new Map<string, EntityType>(Object.entries(LABEL_OF).map(([type, label]) => [label, type as EntityType]));

/** The entity type of a node from its labels (`Entity` itself is skipped); null for other nodes. */
export function entityTypeOf(labels: readonly string[]): EntityType | null {
  for (const label of labels) {
    const type = TYPE_OF.get(label);
    if (type) return type;
  }
  return null;
}
