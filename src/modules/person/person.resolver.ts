import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import { assertId } from "../../shared/ids.js";
import { ofType, type Entity } from "../common/entity.js";
import { listConnection, nameIdKey, nestedConnection, startIdKey } from "../common/list.js";
import { Organisation } from "../organisation/organisation.type.js";
import { PassageConnection } from "../passage/passage.type.js";
import { ClaimConnection } from "../claim/claim.type.js";
import { EventRole, Person, PersonConnection } from "./person.type.js";
import { CountryReference, OrganisationReference } from "./reference.type.js";
import { PASSAGES_BY_SPEAKER_PAGE, SPEAKERS } from "./person.repository.js";
import { CLAIMS_PAGE } from "../claim/claim.repository.js";

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: "People with a role at an event (speakers, moderator, welcoming remarks), by name." })
  speakers(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true, description: "Page size; DEFAULT_PAGE_SIZE when absent, at most MAX_PAGE_SIZE." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "`endCursor` of the previous page." }) after?: string,
  ) {
    return listConnection(ctx, SPEAKERS, { first, after }, nameIdKey, info);
  }

  @Query(() => Person, { nullable: true, description: "A person by id; null when there is none." })
  async person(@Ctx() ctx: Context, @Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo) {
    return ofType<Person>(await ctx.prefetch.node(assertId(id, "id"), info), "Person");
  }

  @FieldResolver(() => [Organisation], { description: "Organisations the document says the person belongs to." })
  affiliations(@Root() person: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.person.affiliations, person.id, info);
  }

  @FieldResolver(() => [EventRole], { description: "The person's parts at events." })
  roles(@Root() person: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.person.roles, person.id, info);
  }

  @FieldResolver(() => [OrganisationReference], {
    description: "Organisations mentioned in the passages this person said, most-mentioned first (then by name).",
  })
  async referencedOrganisations(@Root() person: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const rows = await ctx.prefetch.load(ctx.loaders.person.referencedOrganisations, person.id, info);
    return rows.map((r) => ({ organisation: r.entity, mentionCount: r.mentionCount, mentions: r.mentions }));
  }

  @FieldResolver(() => [CountryReference], {
    description: "Countries mentioned in the passages this person said, most-mentioned first (then by name).",
  })
  async referencedCountries(@Root() person: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const rows = await ctx.prefetch.load(ctx.loaders.person.referencedCountries, person.id, info);
    return rows.map((r) => ({ country: r.entity, mentionCount: r.mentionCount, mentions: r.mentions }));
  }

  @FieldResolver(() => PassageConnection, { description: "Passages this person said, in document order." })
  passages(
    @Root() person: Entity,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    const { passagesPage: page, passagesCount } = ctx.loaders.person;
    const loaders = { page, count: { load: (f: { speakerId: string }) => passagesCount.load(f.speakerId) } };
    return nestedConnection(ctx, loaders, { speakerId: person.id }, { first, after }, startIdKey, { info, page: PASSAGES_BY_SPEAKER_PAGE });
  }

  @FieldResolver(() => ClaimConnection, { description: "Claims this person made, in document order." })
  claims(
    @Root() person: Entity,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return nestedConnection(ctx, ctx.loaders.claim, { speakerId: person.id, aboutId: null }, { first, after }, startIdKey, { info, page: CLAIMS_PAGE });
  }
}
