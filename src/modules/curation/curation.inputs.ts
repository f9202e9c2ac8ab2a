import { Field, Float, ID, InputType, Int, registerEnumType } from "type-graphql";
import { EntityType } from "../common/entity-type.js";

/** Every relationship between entities a curator can add, each with its quote (links.ts maps each to its seed entry). */
export enum LinkRelation {
  AFFILIATED_WITH = "AFFILIATED_WITH",
  SPOKE_AT = "SPOKE_AT",
  PART_OF = "PART_OF",
  BASED_IN = "BASED_IN",
  IN_REGION = "IN_REGION",
  IN_COUNTRY = "IN_COUNTRY",
  RUNS = "RUNS",
  SUPPORTS = "SUPPORTS",
  FUNDS = "FUNDS",
  PARTNERS_IN = "PARTNERS_IN",
  AUTHORIZED = "AUTHORIZED",
  BENEFITS = "BENEFITS",
  INTRODUCED = "INTRODUCED",
  OPERATES_IN = "OPERATES_IN",
}
registerEnumType(LinkRelation, {
  name: "LinkRelation",
  description:
    "A curated relationship between two entities: Person AFFILIATED_WITH Organisation (title), Person SPOKE_AT Event (role), Organisation PART_OF Organisation, Organisation BASED_IN Country, Country IN_REGION Region, Region IN_COUNTRY Country, a person, organisation or place RUNS|SUPPORTS|FUNDS|PARTNERS_IN|AUTHORIZED|BENEFITS|INTRODUCED a Program, Program OPERATES_IN Country|Region.",
});

// Every fact quotes its document. The quote must be there verbatim; when it is there more than
// once, `occurrence` (1-based) or `start` (its offset) says which.
const QUOTE = "Words of the document, verbatim (copy them from the passage's text).";
const OCCURRENCE = "Which occurrence of the quote, 1-based, when it appears more than once.";
const START = "Or: the offset where the quote starts (Passage.start plus its place in the passage), when it appears more than once.";

@InputType("AddEntityInput", { description: "A new entity, named in a document: the quote must hold its name or one of its aliases." })
export class AddEntityInput {
  @Field(() => EntityType, { description: "PERSON, ORGANISATION, COUNTRY, REGION or PROGRAM." })
  type!: EntityType;
  @Field(() => ID, { nullable: true, description: "Its id (person:…, org:…, country:XX, region:…, program:…); made from the name when not given." })
  id?: string | null;
  @Field(() => String)
  name!: string;
  @Field(() => [String], { nullable: true, description: "Other names it goes by in the text; mentions are found by name and aliases." })
  aliases?: string[] | null;
  @Field(() => String, { nullable: true, description: "Organisations: its acronym (UNICEF)." })
  acronym?: string | null;
  @Field(() => String, { nullable: true, description: "Organisations: GOVERNMENT_BODY, INTERGOVERNMENTAL, NGO, THINK_TANK, UNIVERSITY, ARMED_GROUP, EMBASSY, OTHER. Regions: REGION, SUBNATIONAL, CITY. Programs: OPERATION, PROGRAM, POLICY, INITIATIVE, AWARD." })
  kind?: string | null;
  @Field(() => String, { nullable: true, description: "People: Ambassador, Dr., …" })
  honorific?: string | null;
  @Field(() => String, { nullable: true, description: "People: their position." })
  title?: string | null;
  @Field(() => String, { nullable: true, description: "Programs: what it is." })
  description?: string | null;
  @Field(() => [String], { nullable: true, description: "Countries and regions: Kazakh, Kazakhstani, …" })
  demonyms?: string[] | null;
  @Field(() => ID, { description: "The document that names it." })
  documentId!: string;
  @Field(() => String, { description: QUOTE })
  quote!: string;
  @Field(() => Int, { nullable: true, description: OCCURRENCE })
  occurrence?: number | null;
  @Field(() => Int, { nullable: true, description: START })
  start?: number | null;
  @Field(() => String, { nullable: true, description: "Why, for the history." })
  reason?: string | null;
}

@InputType("AddLinkInput", { description: "A relationship between two entities that a quote of a document states." })
export class AddLinkInput {
  @Field(() => ID)
  from!: string;
  @Field(() => LinkRelation)
  relation!: LinkRelation;
  @Field(() => ID)
  to!: string;
  @Field(() => String, { nullable: true, description: "AFFILIATED_WITH: the person's title there." })
  title?: string | null;
  @Field(() => String, { nullable: true, description: "SPOKE_AT: speaker, moderator or welcome." })
  role?: string | null;
  @Field(() => ID)
  documentId!: string;
  @Field(() => String, { description: QUOTE })
  quote!: string;
  @Field(() => Int, { nullable: true, description: OCCURRENCE })
  occurrence?: number | null;
  @Field(() => Int, { nullable: true, description: START })
  start?: number | null;
  @Field(() => String, { nullable: true, description: "Why, for the history." })
  reason?: string | null;
}

@InputType("QuantityInput", { description: "A figure stated inside the claim's quote." })
export class QuantityInput {
  @Field(() => Float)
  value!: number;
  @Field(() => String, { description: "What is counted: children, women, countries, …" })
  unit!: string;
  @Field(() => String, { nullable: true, description: "over, nearly, about, …" })
  qualifier?: string | null;
  @Field(() => String, { description: "The figure's words, inside the claim's quote." })
  quote!: string;
  @Field(() => Int, { nullable: true, description: "Which occurrence inside the claim's quote, when it appears more than once." })
  occurrence?: number | null;
}

@InputType("AddClaimInput", { description: "A claim a speaker makes: the quote must stand in that speaker's turn." })
export class AddClaimInput {
  @Field(() => ID, { nullable: true, description: "Its id (claim:…); made from the speaker and the first words when not given." })
  id?: string | null;
  @Field(() => ID)
  speakerId!: string;
  @Field(() => String, { description: "STATISTIC, ASSERTION, RECOMMENDATION, OPINION or ANECDOTE." })
  kind!: string;
  @Field(() => [ID], { nullable: true, description: "What it is about: people, organisations, places, programs, events." })
  about?: string[] | null;
  @Field(() => [QuantityInput], { nullable: true })
  quantities?: QuantityInput[] | null;
  @Field(() => ID)
  documentId!: string;
  @Field(() => String, { description: QUOTE })
  quote!: string;
  @Field(() => Int, { nullable: true, description: OCCURRENCE })
  occurrence?: number | null;
  @Field(() => Int, { nullable: true, description: START })
  start?: number | null;
  @Field(() => String, { nullable: true, description: "Why, for the history." })
  reason?: string | null;
}

const EXPECTED = "The fact's latest revision as you read it (its history's first number; 0 when it has none). When another write came first, the write is refused with CONFLICT instead of undoing it.";

@InputType("RetractInput", { description: "Takes a fact out of the graph: an entity added through the API, a claim, or a link. Its history keeps it." })
export class RetractInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { description: "Why: kept in the history." })
  reason!: string;
  @Field(() => Int, { nullable: true, description: EXPECTED })
  expectedRevision?: number | null;
}

@InputType("UpdateEntityInput", { description: "Changes an entity's names and descriptive fields (editors). Mentions follow its names." })
export class UpdateEntityInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => [String], { nullable: true, description: "Replaces the aliases." })
  aliases?: string[] | null;
  @Field(() => String, { nullable: true })
  acronym?: string | null;
  @Field(() => String, { nullable: true })
  title?: string | null;
  @Field(() => String, { nullable: true })
  honorific?: string | null;
  @Field(() => String, { nullable: true })
  description?: string | null;
  @Field(() => String, { description: "Why: kept in the history." })
  reason!: string;
  @Field(() => Int, { nullable: true, description: EXPECTED })
  expectedRevision?: number | null;
}
