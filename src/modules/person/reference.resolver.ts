import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Mention } from "../passage/mention.type.js";
import { CountryReference, OrganisationReference, PersonReference, ProgramReference, RegionReference } from "./reference.type.js";

const EVIDENCE = "The mentions behind the count, in document order; DEFAULT_PAGE_SIZE when `first` is absent, at most MAX_PAGE_SIZE.";

// References are rows the read model builds whole, evidence included (person.relations.ts): these
// resolvers declare the field and its argument for the schema.
@Resolver(() => OrganisationReference)
export class OrganisationReferenceResolver {
  @FieldResolver(() => [Mention], { description: EVIDENCE })
  evidence(@Root() ref: OrganisationReference, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("first", () => Int, { nullable: true }) _first?: number) {
    return ctx.read.field(ref, info);
  }
}

@Resolver(() => CountryReference)
export class CountryReferenceResolver {
  @FieldResolver(() => [Mention], { description: EVIDENCE })
  evidence(@Root() ref: CountryReference, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("first", () => Int, { nullable: true }) _first?: number) {
    return ctx.read.field(ref, info);
  }
}

@Resolver(() => PersonReference)
export class PersonReferenceResolver {
  @FieldResolver(() => [Mention], { description: EVIDENCE })
  evidence(@Root() ref: PersonReference, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("first", () => Int, { nullable: true }) _first?: number) {
    return ctx.read.field(ref, info);
  }
}

@Resolver(() => RegionReference)
export class RegionReferenceResolver {
  @FieldResolver(() => [Mention], { description: EVIDENCE })
  evidence(@Root() ref: RegionReference, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("first", () => Int, { nullable: true }) _first?: number) {
    return ctx.read.field(ref, info);
  }
}

@Resolver(() => ProgramReference)
export class ProgramReferenceResolver {
  @FieldResolver(() => [Mention], { description: EVIDENCE })
  evidence(@Root() ref: ProgramReference, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("first", () => Int, { nullable: true }) _first?: number) {
    return ctx.read.field(ref, info);
  }
}
