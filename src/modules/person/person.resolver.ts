import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Organisation } from "../organisation/organisation.type.js";
import { PassageConnection } from "../passage/passage.type.js";
import { ClaimConnection } from "../claim/claim.type.js";
import { EventRole, Person, PersonConnection } from "./person.type.js";
import { CountryReference, OrganisationReference, PersonReference, Position, ProgramReference, RegionReference } from "./reference.type.js";

// Every field reads through the read model (person.relations.ts declares how); arguments are
// declared here for the schema and read from the operation by the read model.
@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: "People with a role at an event (speakers, moderator, welcoming remarks), by name." })
  speakers(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true, description: "Page size; DEFAULT_PAGE_SIZE when absent, at most MAX_PAGE_SIZE." }) _first?: number,
    @Arg("after", () => String, { nullable: true, description: "`endCursor` of the previous page." }) _after?: string,
  ) {
    return ctx.read.root(info);
  }

  @Query(() => Person, { nullable: true, description: "A person by id; null when there is none." })
  person(@Ctx() ctx: Context, @Arg("id", () => ID) _id: string, @Info() info: GraphQLResolveInfo) {
    return ctx.read.root(info);
  }

  @FieldResolver(() => [Organisation], { description: "Organisations the document says the person belongs to." })
  affiliations(@Root() person: Person, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(person, info);
  }

  @FieldResolver(() => [EventRole], { description: "The person's parts at events." })
  roles(@Root() person: Person, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(person, info);
  }

  @FieldResolver(() => [OrganisationReference], {
    description: "Organisations mentioned in the passages this person said, most-mentioned first (then by name).",
  })
  referencedOrganisations(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("documentId", () => ID, { nullable: true, description: "Only mentions in this document's passages." }) _documentId?: string,
  ) {
    return ctx.read.field(person, info);
  }

  @FieldResolver(() => [CountryReference], {
    description: "Countries mentioned in the passages this person said, most-mentioned first (then by name).",
  })
  referencedCountries(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("documentId", () => ID, { nullable: true, description: "Only mentions in this document's passages." }) _documentId?: string,
  ) {
    return ctx.read.field(person, info);
  }

  @FieldResolver(() => PassageConnection, { description: "Passages this person said, in document order." })
  passages(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.field(person, info);
  }

  @FieldResolver(() => ClaimConnection, { description: "Claims this person made, in document order." })
  claims(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.field(person, info);
  }

  @FieldResolver(() => [RegionReference], {
    description: "Regions and cities mentioned in the passages this person said, most-mentioned first (then by name).",
  })
  referencedRegions(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("documentId", () => ID, { nullable: true, description: "Only mentions in this document's passages." }) _documentId?: string,
  ) {
    return ctx.read.field(person, info);
  }

  @FieldResolver(() => [PersonReference], {
    description: "People mentioned in the passages this person said, most-mentioned first (then by name); `person` is the one mentioned.",
  })
  referencedPeople(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("documentId", () => ID, { nullable: true, description: "Only mentions in this document's passages." }) _documentId?: string,
  ) {
    return ctx.read.field(person, info);
  }

  @FieldResolver(() => [ProgramReference], {
    description: "Programs mentioned in the passages this person said, most-mentioned first (then by name).",
  })
  referencedPrograms(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("documentId", () => ID, { nullable: true, description: "Only mentions in this document's passages." }) _documentId?: string,
  ) {
    return ctx.read.field(person, info);
  }

  @FieldResolver(() => [Position], {
    description: "The person's positions in organisations, with title, whether former, and the quote; `affiliations` lists the same organisations.",
  })
  positions(@Root() person: Person, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(person, info);
  }

  @Query(() => PersonConnection, { description: "Everyone the documents name (speakers and people only mentioned), by name." })
  people(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.root(info);
  }
}
