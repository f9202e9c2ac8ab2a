import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Connection } from "../common/connection.js";

@ObjectType({ implements: Node, description: "A region, subnational region or city named in the document." })
export class Region extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "REGION | SUBNATIONAL | CITY" })
  kind!: string | null;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => [String])
  demonyms!: string[];
}

@ObjectType({ description: "A page of regions and cities, by name." })
export class RegionConnection extends Connection(Region, "Region") {}
