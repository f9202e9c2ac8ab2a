import { Field, Int, ObjectType } from "type-graphql";
import { Organisation } from "../organisation/organisation.type.js";
import { Country } from "../country/country.type.js";
import { Person } from "./person.type.js";
import { Region } from "../region/region.type.js";
import { Program } from "../program/program.type.js";
import { Mention } from "../passage/mention.type.js";

/**
 * How often a person's passages mention an entity. Counted over MENTIONS of passages the person
 * SAID; `evidence` lists the mentions themselves, in document order (see person.relations.ts).
 */
@ObjectType({ description: "An organisation mentioned in a person's passages, with how often and where." })
export class OrganisationReference {
  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => Int, { description: "Mentions of the organisation in passages the person said." })
  mentionCount!: number;
}

@ObjectType({ description: "A country mentioned in a person's passages, with how often and where." })
export class CountryReference {
  @Field(() => Country)
  country!: Country;

  @Field(() => Int)
  mentionCount!: number;
}

@ObjectType({ description: "A person whose passages mention an organisation, with how often and where." })
export class PersonReference {
  @Field(() => Person)
  person!: Person;

  @Field(() => Int)
  mentionCount!: number;
}

@ObjectType({ description: "A region or city mentioned in a person's passages, with how often and where." })
export class RegionReference {
  @Field(() => Region)
  region!: Region;

  @Field(() => Int)
  mentionCount!: number;
}

@ObjectType({ description: "A program mentioned in a person's passages, with how often and where." })
export class ProgramReference {
  @Field(() => Program)
  program!: Program;

  @Field(() => Int)
  mentionCount!: number;
}

@ObjectType({
  description: "A person's position in an organisation, as the document states it: the title, and whether the document says it is a former one.",
})
export class Position {
  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => String, { nullable: true, description: "The title exactly as the document gives it." })
  title!: string | null;

  @Field(() => Boolean, { description: "True when the document says the person held it before (\"former\"); false for a current position." })
  former!: boolean;

  @Field(() => [Mention], { description: "The quote that states the position (empty when it spans paragraphs)." })
  evidence!: Mention[];
}
