import { Field, ObjectType } from "type-graphql";
import { Node } from "../common/node.interface.js";
import { Connection } from "../common/connection.js";
import { Event } from "../event/event.type.js";

@ObjectType({ implements: Node, description: "A speaker, moderator or person mentioned in the document." })
export class Person extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "The descriptor exactly as the document gives it." })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "\"Dr.\", \"Ambassador\", \"Mr.\" when the document uses one." })
  honorific!: string | null;

  @Field(() => [String], { description: "Other names the document uses for this person." })
  aliases!: string[];
}

@ObjectType({ description: "A page of people, ordered by name." })
export class PersonConnection extends Connection(Person, "Person") {}

@ObjectType({ description: "The part a person had at an event." })
export class EventRole {
  @Field(() => String, { description: "speaker | moderator | welcome" })
  role!: string;

  @Field(() => Event)
  event!: Event;
}
