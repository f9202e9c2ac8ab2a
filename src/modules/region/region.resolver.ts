import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import type { Entity } from "../common/entity.js";
import { Country } from "../country/country.type.js";
import { ProgramParticipation } from "../program/program.type.js";
import { Region } from "./region.type.js";

@Resolver(() => Region)
export class RegionResolver {
  @FieldResolver(() => Country, { nullable: true, description: "For a subnational region or city: its country, where the document says so." })
  country(@Root() region: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.country.countryOfRegion, region.id, info);
  }

  @FieldResolver(() => [ProgramParticipation], { description: "Programs operating in, or run by, this region." })
  programs(@Root() region: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.program.byParticipant, region.id, info);
  }
}
