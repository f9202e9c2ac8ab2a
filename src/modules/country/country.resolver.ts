import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import { assertId } from "../../shared/ids.js";
import { ofType, type Entity } from "../common/entity.js";
import { listConnection, nameIdKey } from "../common/list.js";
import { ProgramParticipation } from "../program/program.type.js";
import { PersonReference } from "../person/reference.type.js";
import { Region } from "../region/region.type.js";
import { Country, CountryConnection } from "./country.type.js";
import { COUNTRIES } from "./country.repository.js";

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => CountryConnection, { description: "Countries, by name." })
  countries(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listConnection(ctx, COUNTRIES, { first, after }, nameIdKey);
  }

  @Query(() => Country, { nullable: true, description: "A country by id (`country:KZ`); null when there is none." })
  async country(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return ofType<Country>(await ctx.loaders.node.load(assertId(id, "id")), "Country");
  }

  @FieldResolver(() => [ProgramParticipation], {
    description: "Programs the country runs, supports, funds, partners in … (RUNS first), and programs operating in it (OPERATES_IN).",
  })
  programs(@Root() country: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.program.byParticipant.load(country.id);
  }

  @FieldResolver(() => [Region], { description: "Regions the document places the country in." })
  regions(@Root() country: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.country.regions.load(country.id);
  }

  @FieldResolver(() => [PersonReference], { description: "People whose passages mention the country, most-mentioning first." })
  async referencedBy(@Root() country: Entity, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.person.referencedBy.load(country.id);
    return rows.map((r) => ({ person: r.entity, mentionCount: r.mentionCount, mentions: r.mentions }));
  }
}
