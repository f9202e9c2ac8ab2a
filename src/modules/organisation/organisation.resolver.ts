import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Country } from "../country/country.type.js";
import { ProgramParticipation } from "../program/program.type.js";
import { PersonReference } from "../person/reference.type.js";
import { Organisation, OrganisationConnection } from "./organisation.type.js";

// Every field reads through the read model (organisation.relations.ts declares how).
@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => OrganisationConnection, { description: "Organisations, by name." })
  organisations(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.root(info);
  }

  @Query(() => Organisation, { nullable: true, description: "An organisation by id (`org:unicef`); null when there is none." })
  organisation(@Ctx() ctx: Context, @Arg("id", () => ID) _id: string, @Info() info: GraphQLResolveInfo) {
    return ctx.read.root(info);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation this one is a unit of." })
  parent(@Root() org: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(org, info);
  }

  @FieldResolver(() => [Organisation], { description: "Units of this organisation." })
  units(@Root() org: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(org, info);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country it is based in, where the document says so." })
  country(@Root() org: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(org, info);
  }

  @FieldResolver(() => [ProgramParticipation], { description: "Programs it runs, supports, funds, partners in, … with the quote for each." })
  programs(@Root() org: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(org, info);
  }

  @FieldResolver(() => [PersonReference], { description: "People whose passages mention it, most-mentioning first (then by name)." })
  referencedBy(@Root() org: Organisation, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(org, info);
  }
}
