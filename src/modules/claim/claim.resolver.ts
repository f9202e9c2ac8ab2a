import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import { assertOptionalId } from "../../shared/ids.js";
import type { Entity } from "../common/entity.js";
import { Node } from "../common/node.interface.js";
import { nestedConnection, startIdKey } from "../common/list.js";
import { Person } from "../person/person.type.js";
import { Passage } from "../passage/passage.type.js";
import { Claim, ClaimConnection, Quantity } from "./claim.type.js";

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, { description: "Claims in document order, optionally only one speaker's and/or only those about one entity." })
  claims(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("speakerId", () => ID, { nullable: true, description: "Only claims this person made." }) speakerId?: string,
    @Arg("aboutId", () => ID, { nullable: true, description: "Only claims about this entity (any type)." }) aboutId?: string,
  ) {
    const filter = { speakerId: assertOptionalId(speakerId, "speakerId"), aboutId: assertOptionalId(aboutId, "aboutId") };
    return nestedConnection(ctx, ctx.loaders.claim, filter, { first, after }, startIdKey);
  }

  @FieldResolver(() => Person, { description: "Who made the claim." })
  speaker(@Root() claim: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.claim.speaker.load(claim.id);
  }

  @FieldResolver(() => Passage, { description: "The paragraph the quote lies in." })
  passage(@Root() claim: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.claim.passage.load(claim.id);
  }

  @FieldResolver(() => [Quantity], { description: "Figures stated in the claim, in the order they appear." })
  quantities(@Root() claim: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.claim.quantities.load(claim.id);
  }

  @FieldResolver(() => [Node], { description: "What the claim is about: countries, programs, organisations, people, …" })
  about(@Root() claim: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.claim.about.load(claim.id);
  }
}
