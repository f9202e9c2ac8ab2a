import { Field, Float, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { EntityType } from "../common/entity-type.js";

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
}
