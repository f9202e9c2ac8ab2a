import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import { assertId } from "../../shared/ids.js";
import { ofType, type Entity } from "../common/entity.js";
import { listConnection, nameIdKey } from "../common/list.js";
import { Country } from "../country/country.type.js";
import { ProgramParticipation } from "../program/program.type.js";
import { PersonReference } from "../person/reference.type.js";
import { Organisation, OrganisationConnection } from "./organisation.type.js";
import { ORGANISATIONS } from "./organisation.repository.js";

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => OrganisationConnection, { description: "Organisations, by name." })
  organisations(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listConnection(ctx, ORGANISATIONS, { first, after }, nameIdKey, info);
  }

  @Query(() => Organisation, { nullable: true, description: "An organisation by id (`org:unicef`); null when there is none." })
  async organisation(@Ctx() ctx: Context, @Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo) {
    return ofType<Organisation>(await ctx.prefetch.node(assertId(id, "id"), info), "Organisation");
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation this one is a unit of." })
  parent(@Root() org: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.organisation.parent, org.id, info);
  }

  @FieldResolver(() => [Organisation], { description: "Units of this organisation." })
  units(@Root() org: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.organisation.units, org.id, info);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country it is based in, where the document says so." })
  country(@Root() org: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.organisation.country, org.id, info);
  }

  @FieldResolver(() => [ProgramParticipation], { description: "Programs it runs, supports, funds, partners in, … with the quote for each." })
  programs(@Root() org: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.program.byParticipant, org.id, info);
  }

  @FieldResolver(() => [PersonReference], { description: "People whose passages mention it, most-mentioning first (then by name)." })
  async referencedBy(@Root() org: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const rows = await ctx.prefetch.load(ctx.loaders.person.referencedBy, org.id, info);
    return rows.map((r) => ({ person: r.entity, mentionCount: r.mentionCount, mentions: r.mentions }));
  }
}
