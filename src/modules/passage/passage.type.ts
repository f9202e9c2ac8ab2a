import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Connection } from "../common/connection.js";

@ObjectType({ implements: Node, description: "One paragraph of the document, with its speaker and the entities it mentions." })
export class Passage extends Node {
  @Field(() => String)
  text!: string;

  @Field(() => Int, { description: "Offset of the paragraph in `Document.text` (UTF-16 code units)." })
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => Int, { description: "Position of the paragraph in the document, from 1." })
  ordinal!: number;
}

@ObjectType({ description: "A page of passages, in document order." })
export class PassageConnection extends Connection(Passage, "Passage") {}
