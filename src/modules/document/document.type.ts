import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Connection } from "../common/connection.js";

@ObjectType({ implements: Node, description: "A source document; every offset in the graph points into its `text`." })
export class Document extends Node {
  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Null: the text gives no address for the document itself.",
    deprecationReason: "The only link the text gives is the recording's (\"The link to the recording\"): use Event.recordingUrl.",
  })
  url!: string | null;

  @Field(() => String, { description: "The full text, byte for byte as published (offsets are UTF-16 code units into it)." })
  text!: string;
}

@ObjectType({ description: "A page of documents, by id." })
export class DocumentConnection extends Connection(Document, "Document") {}
