import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Connection } from "../common/connection.js";

@ObjectType({ implements: Node, description: "An event the document records." })
export class Event extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "ISO 8601 date, e.g. 2021-01-08." })
  date!: string;

  @Field(() => Int, { description: "Participants as the document counts them; see `participantCountQualifier`." })
  participantCount!: number;

  @Field(() => String, { nullable: true, description: "The word qualifying the count (\"nearly\"), when the document uses one." })
  participantCountQualifier!: string | null;

  @Field(() => Boolean, { nullable: true })
  online!: boolean | null;

  @Field(() => String, { nullable: true })
  recordingUrl!: string | null;
}

@ObjectType({ description: "A page of events, by date." })
export class EventConnection extends Connection(Event, "Event") {}
