import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
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
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listConnection(ctx, ORGANISATIONS, { first, after }, nameIdKey);
  }

  @Query(() => Organisation, { nullable: true, description: "An organisation by id (`org:unicef`); null when there is none." })
  async organisation(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return ofType<Organisation>(await ctx.loaders.node.load(assertId(id, "id")), "Organisation");
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation this one is a unit of." })
  parent(@Root() org: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.organisation.parent.load(org.id);
  }

  @FieldResolver(() => [Organisation], { description: "Units of this organisation." })
  units(@Root() org: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.organisation.units.load(org.id);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country it is based in, where the document says so." })
  country(@Root() org: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.organisation.country.load(org.id);
  }

  @FieldResolver(() => [ProgramParticipation], { description: "Programs it runs, supports, funds, partners in, … with the quote for each." })
  programs(@Root() org: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.program.byParticipant.load(org.id);
  }

  @FieldResolver(() => [PersonReference], { description: "People whose passages mention it, most-mentioning first (then by name)." })
  async referencedBy(@Root() org: Entity, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.person.referencedBy.load(org.id);
    return rows.map((r) => ({ person: r.entity, mentionCount: r.mentionCount, mentions: r.mentions }));
  }
}
