import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Connection } from "../common/connection.js";

/** Whose words a paragraph is. */
export enum PassageKind {
  SPEECH = "SPEECH",
  EDITORIAL = "EDITORIAL",
}
registerEnumType(PassageKind, {
  name: "PassageKind",
  description: "Whose words a paragraph is.",
  valuesConfig: {
    SPEECH: { description: "A speaker's own words (the paragraph has a speaker)." },
    EDITORIAL: { description: "The write-up's words: the introduction, headings, and the lines that open a turn by describing the speaker. No speaker, and no claim rests on it." },
  },
});

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

  @Field(() => PassageKind, { description: "SPEECH (a speaker's words) or EDITORIAL (the write-up's words about the event or a speaker)." })
  kind!: PassageKind;
}

@ObjectType({ description: "A page of passages, in document order." })
export class PassageConnection extends Connection(Passage, "Passage") {}
