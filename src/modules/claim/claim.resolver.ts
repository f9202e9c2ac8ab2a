import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Node } from "../common/node.interface.js";
import { Person } from "../person/person.type.js";
import { Passage } from "../passage/passage.type.js";
import { Claim, ClaimConnection, Quantity, QuantityFilter } from "./claim.type.js";

// Every field reads through the read model (claim.relations.ts declares how).
@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, { description: "Claims in document order, optionally only one speaker's and/or only those about one entity." })
  claims(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
    @Arg("speakerId", () => ID, { nullable: true, description: "Only claims this person made." }) _speakerId?: string,
    @Arg("aboutId", () => ID, { nullable: true, description: "Only claims about this entity (any type)." }) _aboutId?: string,
    @Arg("quantity", () => QuantityFilter, { nullable: true, description: "Only claims stating a figure in this range." }) _quantity?: QuantityFilter,
  ) {
    return ctx.read.root(info);
  }

  @FieldResolver(() => Person, { description: "Who made the claim." })
  speaker(@Root() claim: Claim, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(claim, info);
  }

  @FieldResolver(() => Passage, { description: "The paragraph the quote lies in." })
  passage(@Root() claim: Claim, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(claim, info);
  }

  @FieldResolver(() => [Quantity], { description: "Figures stated in the claim, in the order they appear." })
  quantities(@Root() claim: Claim, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(claim, info);
  }

  @FieldResolver(() => [Node], { description: "What the claim is about: countries, programs, organisations, people, …" })
  about(@Root() claim: Claim, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(claim, info);
  }
}
