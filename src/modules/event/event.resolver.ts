import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Field, FieldResolver, Info, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import type { Entity } from "../common/entity.js";
import { listConnection } from "../common/list.js";
import { Organisation } from "../organisation/organisation.type.js";
import { Document } from "../document/document.type.js";
import { Person } from "../person/person.type.js";
import { Event, EventConnection } from "./event.type.js";
import { EVENTS } from "./event.repository.js";

@ObjectType({ description: "A person's part at an event." })
export class EventParticipant {
  @Field(() => String, { description: "speaker | moderator | welcome" })
  role!: string;

  @Field(() => Person)
  person!: Person;
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: "Events, by date." })
  events(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listConnection(ctx, EVENTS, { first, after }, (e) => [String(e.date), e.id], info);
  }

  @FieldResolver(() => [Organisation], { description: "The host first, then partners." })
  hosts(@Root() event: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.event.hosts, event.id, info);
  }

  @FieldResolver(() => Document, { description: "The document that records the event." })
  document(@Root() event: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.event.document, event.id, info);
  }

  @FieldResolver(() => [EventParticipant], { description: "Speakers, moderator and welcoming remarks, in the order the document introduces them." })
  participants(@Root() event: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.event.participants, event.id, info);
  }
}
