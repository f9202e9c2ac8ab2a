import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Connection } from "../common/connection.js";

@ObjectType({ implements: Node, description: "An organisation named in the document." })
export class Organisation extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  acronym!: string | null;

  @Field(() => String, { nullable: true, description: "GOVERNMENT_BODY | INTERGOVERNMENTAL | NGO | THINK_TANK | UNIVERSITY | ARMED_GROUP | EMBASSY | OTHER" })
  kind!: string | null;

  @Field(() => [String], { description: "Other names the document uses for it." })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "Wikidata item (e.g. Q740308), where one clearly exists." })
  wikidataId!: string | null;
}

@ObjectType({ description: "A page of organisations, by name." })
export class OrganisationConnection extends Connection(Organisation, "Organisation") {}
