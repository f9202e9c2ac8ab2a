import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Connection } from "../common/connection.js";

@ObjectType({ implements: Node, description: "A statement a speaker made, quoted verbatim: `document.text.slice(start, end) === text`." })
export class Claim extends Node {
  @Field(() => String, { description: "The verbatim quote." })
  text!: string;

  @Field(() => String, { nullable: true, description: "STATISTIC | ASSERTION | RECOMMENDATION | OPINION | ANECDOTE" })
  kind!: string | null;

  @Field(() => Int, { description: "Offset of the quote in `Document.text` (UTF-16 code units)." })
  start!: number;

  @Field(() => Int)
  end!: number;
}

@ObjectType({ description: "A page of claims, in document order." })
export class ClaimConnection extends Connection(Claim, "Claim") {}

@ObjectType({ description: "A figure stated in a claim." })
export class Quantity {
  @Field(() => Float)
  value!: number;

  @Field(() => String, { description: "What is counted, in plain words." })
  unit!: string;

  @Field(() => String, {
    nullable: true,
    description: "The word the document qualifies the figure with (over, almost, nearly, about, …; range-low/range-high for the ends of a range); null when exact.",
  })
  qualifier!: string | null;

  @Field(() => String, { nullable: true, description: "The words of the figure in the document (\"over 700\")." })
  surface!: string | null;

  @Field(() => Int, { nullable: true })
  start!: number | null;

  @Field(() => Int, { nullable: true })
  end!: number | null;
}

@InputType({ description: "Claims stating a figure in this range (inclusive; either end may be left open), optionally of this unit." })
export class QuantityFilter {
  @Field(() => Float, { nullable: true })
  min?: number | null;

  @Field(() => Float, { nullable: true })
  max?: number | null;

  @Field(() => String, { nullable: true, description: "Words the figure's unit contains, any case (\"children\", \"countries\")." })
  unit?: string | null;
}
