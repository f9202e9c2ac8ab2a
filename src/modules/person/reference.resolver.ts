import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import { pageSize } from "../../shared/paging.js";
import { Mention } from "../passage/mention.type.js";
import { CountryReference, OrganisationReference, PersonReference } from "./reference.type.js";

const EVIDENCE = "The mentions behind the count, in document order; DEFAULT_PAGE_SIZE when `first` is absent, at most MAX_PAGE_SIZE.";

/** The mentions were read with the reference (one query for all references); `first` only slices. */
function evidence(ref: { mentions: Mention[] }, ctx: Context, first?: number): Mention[] {
  return ref.mentions.slice(0, pageSize(first, ctx.config));
}

@Resolver(() => OrganisationReference)
export class OrganisationReferenceResolver {
  @FieldResolver(() => [Mention], { description: EVIDENCE })
  evidence(@Root() ref: OrganisationReference, @Ctx() ctx: Context, @Arg("first", () => Int, { nullable: true }) first?: number) {
    return evidence(ref, ctx, first);
  }
}

@Resolver(() => CountryReference)
export class CountryReferenceResolver {
  @FieldResolver(() => [Mention], { description: EVIDENCE })
  evidence(@Root() ref: CountryReference, @Ctx() ctx: Context, @Arg("first", () => Int, { nullable: true }) first?: number) {
    return evidence(ref, ctx, first);
  }
}

@Resolver(() => PersonReference)
export class PersonReferenceResolver {
  @FieldResolver(() => [Mention], { description: EVIDENCE })
  evidence(@Root() ref: PersonReference, @Ctx() ctx: Context, @Arg("first", () => Int, { nullable: true }) first?: number) {
    return evidence(ref, ctx, first);
  }
}
