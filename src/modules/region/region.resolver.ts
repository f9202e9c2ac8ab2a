import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Country } from "../country/country.type.js";
import { ProgramParticipation } from "../program/program.type.js";
import { Region, RegionConnection } from "./region.type.js";

// Every field reads through the read model (country.relations.ts declares how).
@Resolver(() => Region)
export class RegionResolver {
  @Query(() => RegionConnection, { description: "Regions, subnational regions and cities the documents name, by name." })
  regions(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.root(info);
  }

  @FieldResolver(() => Country, { nullable: true, description: "For a subnational region or city: its country, where the document says so." })
  country(@Root() region: Region, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(region, info);
  }

  @FieldResolver(() => [ProgramParticipation], { description: "Programs operating in, or run by, this region." })
  programs(@Root() region: Region, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(region, info);
  }
}
