import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from "type-graphql";
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
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listConnection(ctx, COUNTRIES, { first, after }, nameIdKey, info);
  }

  @Query(() => Country, { nullable: true, description: "A country by id (`country:KZ`); null when there is none." })
  async country(@Ctx() ctx: Context, @Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo) {
    return ofType<Country>(await ctx.prefetch.node(assertId(id, "id"), info), "Country");
  }

  @FieldResolver(() => [ProgramParticipation], {
    description: "Programs the country runs, supports, funds, partners in … (RUNS first), and programs operating in it (OPERATES_IN).",
  })
  programs(@Root() country: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.program.byParticipant, country.id, info);
  }

  @FieldResolver(() => [Region], { description: "Regions the document places the country in." })
  regions(@Root() country: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.country.regions, country.id, info);
  }

  @FieldResolver(() => [PersonReference], { description: "People whose passages mention the country, most-mentioning first." })
  async referencedBy(@Root() country: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const rows = await ctx.prefetch.load(ctx.loaders.person.referencedBy, country.id, info);
    return rows.map((r) => ({ person: r.entity, mentionCount: r.mentionCount, mentions: r.mentions }));
  }
}
