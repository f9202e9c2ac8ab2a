import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import type { Entity } from "../common/entity.js";
import { Country } from "../country/country.type.js";
import { ProgramParticipation } from "../program/program.type.js";
import { Region } from "./region.type.js";

@Resolver(() => Region)
export class RegionResolver {
  @FieldResolver(() => Country, { nullable: true, description: "For a subnational region or city: its country, where the document says so." })
  country(@Root() region: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.country.countryOfRegion.load(region.id);
  }

  @FieldResolver(() => [ProgramParticipation], { description: "Programs operating in, or run by, this region." })
  programs(@Root() region: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.program.byParticipant.load(region.id);
  }
}
