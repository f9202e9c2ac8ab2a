import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Connection } from "../common/connection.js";

@ObjectType({ implements: Node, description: "A country; its id is `country:` and its ISO 3166-1 alpha-2 code." })
export class Country extends Node {
  @Field(() => String, { description: "ISO 3166-1 alpha-2, e.g. KZ." })
  isoCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => [String], { description: "Demonyms the document uses (\"Kazakhstani\")." })
  demonyms!: string[];
}

@ObjectType({ description: "A page of countries, by name." })
export class CountryConnection extends Connection(Country, "Country") {}
