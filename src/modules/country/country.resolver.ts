import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { ProgramParticipation } from "../program/program.type.js";
import { PersonReference } from "../person/reference.type.js";
import { Region } from "../region/region.type.js";
import { Country, CountryConnection } from "./country.type.js";

// Every field reads through the read model (country.relations.ts declares how).
@Resolver(() => Country)
export class CountryResolver {
  @Query(() => CountryConnection, { description: "Countries, by name." })
  countries(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.root(info);
  }

  @Query(() => Country, { nullable: true, description: "A country by id (`country:KZ`); null when there is none." })
  country(@Ctx() ctx: Context, @Arg("id", () => ID) _id: string, @Info() info: GraphQLResolveInfo) {
    return ctx.read.root(info);
  }

  @FieldResolver(() => [ProgramParticipation], {
    description: "Programs the country runs, supports, funds, partners in … (RUNS first), and programs operating in it (OPERATES_IN).",
  })
  programs(@Root() country: Country, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(country, info);
  }

  @FieldResolver(() => [Region], { description: "Regions the document places the country in." })
  regions(@Root() country: Country, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(country, info);
  }

  @FieldResolver(() => [PersonReference], { description: "People whose passages mention the country, most-mentioning first." })
  referencedBy(@Root() country: Country, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(country, info);
  }
}
