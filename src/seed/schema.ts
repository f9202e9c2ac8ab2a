import { z } from "zod";
import { PARTICIPANT_ROLES, OPERATES_IN } from "../graph/model.js";

/**
 * The seed files' format (seed/README.md explains it for people). Objects are strict: an unknown
 * key is a typo until proven otherwise.
 */

const idOf = (prefix: string, rest = "[a-z0-9]+(?:-[a-z0-9]+)*") =>
  z.string().regex(new RegExp(`^${prefix}:${rest}$`), `must look like ${prefix}:lower-case-words`);

export const PersonId = idOf("person");
export const OrgId = idOf("org");
export const CountryId = z.string().regex(/^country:[A-Z]{2}$/, "must be country: and an ISO 3166-1 alpha-2 code");
export const RegionId = idOf("region");
export const ProgramId = idOf("program");
export const ClaimId = idOf("claim");
export const EventId = idOf("event");
export const DocumentId = idOf("document");
/** Any entity a link may point at; checked against the ids actually defined. */
export const AnyId = z.string().regex(/^[a-z]+:[A-Za-z0-9-]+$/, "must be an id such as org:unicef");

const Text = z.string().trim().min(1, "must not be empty");
const Quote = z.string().min(1, "must not be empty");
const Occurrence = z.number().int().positive().optional();
/** Names and aliases: bounded, so no entry (a seed file's or a write's) carries thousands of them. */
const Names = z.array(Text.max(200, "must be at most 200 characters")).max(100, "must be at most 100 names").default([]);

/** A quote of the document; `occurrence` picks one when the words appear more than once. */
const Quoted = { quote: Quote, occurrence: Occurrence };

export const DocumentSeed = z.strictObject({
  id: DocumentId,
  title: Text,
  file: Text,
  url: z.url().nullable().optional(),
});

export const EventSeed = z.strictObject({
  id: EventId,
  name: Text,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
  online: z.boolean(),
  ...Quoted,
  participantCount: z
    .strictObject({ value: z.number().int().nonnegative(), qualifier: Text.nullable().optional(), ...Quoted })
    .nullable()
    .optional(),
  recordingUrl: z.strictObject({ url: z.url(), ...Quoted }).nullable().optional(),
  hosts: z.array(z.strictObject({ organisation: OrgId, role: z.enum(["HOST", "PARTNER"]), ...Quoted })).default([]),
});

export const EventFile = z.strictObject({ document: DocumentSeed, event: EventSeed });

export const PersonSeed = z.strictObject({
  id: PersonId,
  name: Text,
  honorific: Text.nullable().optional(),
  title: Text.nullable().optional(),
  aliases: Names,
  turnLabel: Text.nullable().optional(),
  roles: z
    .array(z.strictObject({ event: EventId, role: z.enum(["speaker", "moderator", "welcome"]), ...Quoted }))
    .default([]),
  affiliations: z.array(z.strictObject({ organisation: OrgId, title: Text.nullable().optional(), ...Quoted })).default([]),
});
export const PeopleFile = z.array(PersonSeed);

const LinkTo = <T extends z.ZodType>(id: T) => z.strictObject({ id, ...Quoted }).nullable().optional();

export const OrganisationSeed = z.strictObject({
  id: OrgId,
  name: Text,
  acronym: Text.nullable().optional(),
  kind: z.enum(["GOVERNMENT_BODY", "INTERGOVERNMENTAL", "NGO", "THINK_TANK", "UNIVERSITY", "ARMED_GROUP", "EMBASSY", "OTHER"]),
  aliases: Names,
  wikidataId: z.string().regex(/^Q\d+$/, "must be a Wikidata id such as Q740308").nullable().optional(),
  parent: LinkTo(OrgId),
  country: LinkTo(CountryId),
});
export const OrganisationsFile = z.array(OrganisationSeed);

export const CountrySeed = z.strictObject({
  id: CountryId,
  name: Text,
  aliases: Names,
  demonyms: Names,
  regions: z.array(z.strictObject({ id: RegionId, ...Quoted })).default([]),
});
export const RegionSeed = z.strictObject({
  id: RegionId,
  name: Text,
  kind: z.enum(["REGION", "SUBNATIONAL", "CITY"]),
  aliases: Names,
  demonyms: Names,
  country: LinkTo(CountryId),
});
export const PlacesFile = z.strictObject({ countries: z.array(CountrySeed), regions: z.array(RegionSeed).default([]) });

export const ProgramSeed = z.strictObject({
  id: ProgramId,
  name: Text,
  kind: z.enum(["OPERATION", "PROGRAM", "POLICY", "INITIATIVE", "AWARD"]),
  aliases: Names,
  description: Text.nullable().optional(),
  participants: z
    .array(z.strictObject({ participant: AnyId, role: z.enum([...PARTICIPANT_ROLES, OPERATES_IN]), ...Quoted }))
    .default([]),
});
export const ProgramsFile = z.array(ProgramSeed);

export const QuantitySeed = z.strictObject({
  value: z.number(),
  unit: Text,
  qualifier: Text.nullable().optional(),
  ...Quoted,
});
export const ClaimSeed = z.strictObject({
  id: ClaimId,
  speaker: PersonId,
  kind: z.enum(["STATISTIC", "ASSERTION", "RECOMMENDATION", "OPINION", "ANECDOTE"]),
  ...Quoted,
  about: z.array(AnyId).default([]),
  quantities: z.array(QuantitySeed).default([]),
});
export const ClaimsFile = z.array(ClaimSeed);

export type EventFile = z.infer<typeof EventFile>;
export type PersonSeed = z.infer<typeof PersonSeed>;
export type OrganisationSeed = z.infer<typeof OrganisationSeed>;
export type PlacesFile = z.infer<typeof PlacesFile>;
export type ProgramSeed = z.infer<typeof ProgramSeed>;
export type ClaimSeed = z.infer<typeof ClaimSeed>;

/**
 * A document's file may also extend an entity defined elsewhere (in entities/ or another
 * document): an entry without `name`, with the id, more aliases, and links quoted from this
 * document.
 */
export const PersonExtension = z.strictObject({ id: PersonId, aliases: Names, roles: PersonSeed.shape.roles, affiliations: PersonSeed.shape.affiliations });
export const OrganisationExtension = z.strictObject({ id: OrgId, aliases: Names, parent: LinkTo(OrgId), country: LinkTo(CountryId) });
export const CountryExtension = z.strictObject({ id: CountryId, aliases: Names, regions: CountrySeed.shape.regions });
export const RegionExtension = z.strictObject({ id: RegionId, aliases: Names, country: LinkTo(CountryId) });
export const ProgramExtension = z.strictObject({ id: ProgramId, aliases: Names, participants: ProgramSeed.shape.participants });

/**
 * The seed files. List files are validated entry by entry, so one bad entry does not hide the
 * problems of the others (the rest of the seed is still cross-checked). `extension`: the shape of
 * an entry that adds to an entity defined elsewhere.
 */
export const SEED_FILES = {
  event: { file: "event.yaml", schema: EventFile },
  people: { file: "people.yaml", item: PersonSeed, extension: PersonExtension },
  organisations: { file: "organisations.yaml", item: OrganisationSeed, extension: OrganisationExtension },
  places: { file: "places.yaml", sections: { countries: CountrySeed, regions: RegionSeed }, extensions: { countries: CountryExtension, regions: RegionExtension } },
  programs: { file: "programs.yaml", item: ProgramSeed, extension: ProgramExtension },
  claims: { file: "claims.yaml", item: ClaimSeed },
} as const;
export type SeedFileKey = keyof typeof SEED_FILES;

/** Files of entities many documents share (seed/entities/): definitions only, no quotes. */
export const ENTITY_FILES = ["people", "organisations", "places", "programs"] as const satisfies readonly SeedFileKey[];

export type PersonExtension = z.infer<typeof PersonExtension>;
export type OrganisationExtension = z.infer<typeof OrganisationExtension>;
export type CountryExtension = z.infer<typeof CountryExtension>;
export type RegionExtension = z.infer<typeof RegionExtension>;
export type ProgramExtension = z.infer<typeof ProgramExtension>;
export type CountrySeed = z.infer<typeof CountrySeed>;
export type RegionSeed = z.infer<typeof RegionSeed>;
