import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Field, FieldResolver, Info, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Organisation } from "../organisation/organisation.type.js";
import { Document } from "../document/document.type.js";
import { Person } from "../person/person.type.js";
import { Event, EventConnection } from "./event.type.js";

@ObjectType({ description: "A person's part at an event." })
export class EventParticipant {
  @Field(() => String, { description: "speaker | moderator | welcome" })
  role!: string;

  @Field(() => Person)
  person!: Person;
}

// Every field reads through the read model (event.relations.ts declares how).
@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: "Events, by date." })
  events(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.root(info);
  }

  @FieldResolver(() => [Organisation], { description: "The host first, then partners." })
  hosts(@Root() event: Event, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(event, info);
  }

  @FieldResolver(() => Document, { description: "The document that records the event." })
  document(@Root() event: Event, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(event, info);
  }

  @FieldResolver(() => [EventParticipant], { description: "Speakers, moderator and welcoming remarks, in the order the document introduces them." })
  participants(@Root() event: Event, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(event, info);
  }
}
