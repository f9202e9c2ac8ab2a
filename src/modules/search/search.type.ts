import { Field, Float, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { EntityType } from "../common/entity-type.js";
import { Document } from "../document/document.type.js";

@ObjectType({ description: "A node matching a search, best first." })
export class SearchHit {
  @Field(() => Node)
  node!: Node;

  @Field(() => EntityType)
  type!: EntityType;

  @Field(() => Float, { description: "Lucene relevance score; higher is better. Only comparable within one search." })
  score!: number;

  @Field(() => String, {
    nullable: true,
    description: "A short extract around the first matching word, which is marked «like this» (plain text); null when no visible field shows the word.",
  })
  snippet!: string | null;

  @Field(() => Document, {
    nullable: true,
    description: "The document the hit's words are in: a passage's, a claim's, an event's record; null for people, organisations, places and programs, which any document may name.",
  })
  document?: Document | null;
}
