import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Connection } from "../common/connection.js";
import { Mention } from "../passage/mention.type.js";

@ObjectType({ implements: Node, description: "A program, operation, policy, initiative or award the document talks about." })
export class Program extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "OPERATION | PROGRAM | POLICY | INITIATIVE | AWARD" })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: "One or two sentences, faithful to the document." })
  description!: string | null;

  @Field(() => [String])
  aliases!: string[];
}

@ObjectType({ description: "A page of programs, by name." })
export class ProgramConnection extends Connection(Program, "Program") {}

@ObjectType({ description: "Who takes part in a program, and how, with the words of the document that say so." })
export class ProgramParticipation {
  @Field(() => String, { description: "RUNS | SUPPORTS | FUNDS | PARTNERS_IN | AUTHORIZED | BENEFITS | INTRODUCED, or OPERATES_IN for a place the program operates in." })
  role!: string;

  @Field(() => Program)
  program!: Program;

  @Field(() => Node, { description: "A country, organisation, person or region (the place, for OPERATES_IN)." })
  participant!: Node;

  @Field(() => [Mention], { description: "The quote supporting this link, as a mention (empty when the quote spans paragraphs)." })
  evidence!: Mention[];
}
