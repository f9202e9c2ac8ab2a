import { Field, Int, ObjectType } from "type-graphql";
import { Organisation } from "../organisation/organisation.type.js";
import { Country } from "../country/country.type.js";
import { Person } from "./person.type.js";
import type { Mention } from "../passage/mention.type.js";

/**
 * How often a person's passages mention an entity. Counted over MENTIONS of passages the person
 * SAID; `evidence` lists the mentions themselves, in document order.
 */
@ObjectType({ description: "An organisation mentioned in a person's passages, with how often and where." })
export class OrganisationReference {
  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => Int, { description: "Mentions of the organisation in passages the person said." })
  mentionCount!: number;

  /** All mentions (up to MAX_PAGE_SIZE), sliced by the `evidence(first:)` field resolver. */
  mentions!: Mention[];
}

@ObjectType({ description: "A country mentioned in a person's passages, with how often and where." })
export class CountryReference {
  @Field(() => Country)
  country!: Country;

  @Field(() => Int)
  mentionCount!: number;

  mentions!: Mention[];
}

@ObjectType({ description: "A person whose passages mention an organisation, with how often and where." })
export class PersonReference {
  @Field(() => Person)
  person!: Person;

  @Field(() => Int)
  mentionCount!: number;

  mentions!: Mention[];
}
