import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import { assertOptionalId } from "../../shared/ids.js";
import type { Entity } from "../common/entity.js";
import { Node } from "../common/node.interface.js";
import { nestedConnection, startIdKey } from "../common/list.js";
import { Person } from "../person/person.type.js";
import { Passage } from "../passage/passage.type.js";
import { Claim, ClaimConnection, Quantity } from "./claim.type.js";
import { CLAIMS_PAGE } from "./claim.repository.js";

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, { description: "Claims in document order, optionally only one speaker's and/or only those about one entity." })
  claims(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("speakerId", () => ID, { nullable: true, description: "Only claims this person made." }) speakerId?: string,
    @Arg("aboutId", () => ID, { nullable: true, description: "Only claims about this entity (any type)." }) aboutId?: string,
  ) {
    const filter = { speakerId: assertOptionalId(speakerId, "speakerId"), aboutId: assertOptionalId(aboutId, "aboutId") };
    return nestedConnection(ctx, ctx.loaders.claim, filter, { first, after }, startIdKey, { info, page: CLAIMS_PAGE });
  }

  @FieldResolver(() => Person, { description: "Who made the claim." })
  speaker(@Root() claim: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.claim.speaker, claim.id, info);
  }

  @FieldResolver(() => Passage, { description: "The paragraph the quote lies in." })
  passage(@Root() claim: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.claim.passage, claim.id, info);
  }

  @FieldResolver(() => [Quantity], { description: "Figures stated in the claim, in the order they appear." })
  quantities(@Root() claim: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.claim.quantities, claim.id, info);
  }

  @FieldResolver(() => [Node], { description: "What the claim is about: countries, programs, organisations, people, …" })
  about(@Root() claim: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.claim.about, claim.id, info);
  }
}
