import type DataLoader from "dataloader";
import type { Relation } from "../modules/common/relation.js";
import { AFFILIATIONS_BY_PERSON, COUNTRIES_REFERENCED_BY_PERSON, ORGANISATIONS_REFERENCED_BY_PERSON, PEOPLE_REFERENCING, ROLES_BY_PERSON } from "../modules/person/person.repository.js";
import { ABOUT_BY_CLAIM, PASSAGE_BY_CLAIM, QUANTITIES_BY_CLAIM, SPEAKER_BY_CLAIM } from "../modules/claim/claim.repository.js";
import { COUNTRY_BY_ORGANISATION, PARENT_BY_ORGANISATION, UNITS_BY_ORGANISATION } from "../modules/organisation/organisation.repository.js";
import { COUNTRY_BY_REGION, REGIONS_BY_COUNTRY } from "../modules/country/country.repository.js";
import { PARTICIPATIONS_BY_PARTICIPANT, PARTICIPATIONS_BY_PROGRAM } from "../modules/program/program.repository.js";
import { DOCUMENT_BY_EVENT, HOSTS_BY_EVENT, PARTICIPANTS_BY_EVENT } from "../modules/event/event.repository.js";
import { DOCUMENT_BY_PASSAGE, MENTIONS_BY_PASSAGE, SPEAKER_BY_PASSAGE } from "../modules/passage/passage.repository.js";
import type { Loaders } from "./loaders.js";

export interface RegisteredRelation {
  relation: Relation<unknown>;
  /** The request's loader the field resolver reads the relation through. */
  loader: (loaders: Loaders) => DataLoader<string, unknown, string>;
}

const entry = <V>(relation: Relation<V>, loader: (loaders: Loaders) => DataLoader<string, V, string>): RegisteredRelation => ({
  relation: relation as Relation<unknown>,
  loader: loader as (loaders: Loaders) => DataLoader<string, unknown, string>,
});

/**
 * Every GraphQL field (`Type.field`, without arguments) that resolves as `loader.load(parent.id)`
 * of a relation. A query reading parents reads these relations with them when the client selects
 * them (see prefetch.ts): the fixed set of relations a query may contain.
 */
export const RELATIONS: ReadonlyMap<string, RegisteredRelation> = new Map([
  ["Person.affiliations", entry(AFFILIATIONS_BY_PERSON, (l) => l.person.affiliations)],
  ["Person.roles", entry(ROLES_BY_PERSON, (l) => l.person.roles)],
  ["Person.referencedOrganisations", entry(ORGANISATIONS_REFERENCED_BY_PERSON, (l) => l.person.referencedOrganisations)],
  ["Person.referencedCountries", entry(COUNTRIES_REFERENCED_BY_PERSON, (l) => l.person.referencedCountries)],
  ["Organisation.referencedBy", entry(PEOPLE_REFERENCING, (l) => l.person.referencedBy)],
  ["Country.referencedBy", entry(PEOPLE_REFERENCING, (l) => l.person.referencedBy)],
  ["Organisation.parent", entry(PARENT_BY_ORGANISATION, (l) => l.organisation.parent)],
  ["Organisation.units", entry(UNITS_BY_ORGANISATION, (l) => l.organisation.units)],
  ["Organisation.country", entry(COUNTRY_BY_ORGANISATION, (l) => l.organisation.country)],
  ["Organisation.programs", entry(PARTICIPATIONS_BY_PARTICIPANT, (l) => l.program.byParticipant)],
  ["Country.programs", entry(PARTICIPATIONS_BY_PARTICIPANT, (l) => l.program.byParticipant)],
  ["Region.programs", entry(PARTICIPATIONS_BY_PARTICIPANT, (l) => l.program.byParticipant)],
  ["Program.participants", entry(PARTICIPATIONS_BY_PROGRAM, (l) => l.program.byProgram)],
  ["Country.regions", entry(REGIONS_BY_COUNTRY, (l) => l.country.regions)],
  ["Region.country", entry(COUNTRY_BY_REGION, (l) => l.country.countryOfRegion)],
  ["Claim.speaker", entry(SPEAKER_BY_CLAIM, (l) => l.claim.speaker)],
  ["Claim.passage", entry(PASSAGE_BY_CLAIM, (l) => l.claim.passage)],
  ["Claim.about", entry(ABOUT_BY_CLAIM, (l) => l.claim.about)],
  ["Claim.quantities", entry(QUANTITIES_BY_CLAIM, (l) => l.claim.quantities)],
  ["Event.hosts", entry(HOSTS_BY_EVENT, (l) => l.event.hosts)],
  ["Event.document", entry(DOCUMENT_BY_EVENT, (l) => l.event.document)],
  ["Event.participants", entry(PARTICIPANTS_BY_EVENT, (l) => l.event.participants)],
  ["Passage.speaker", entry(SPEAKER_BY_PASSAGE, (l) => l.passage.speaker)],
  ["Passage.document", entry(DOCUMENT_BY_PASSAGE, (l) => l.passage.document)],
  ["Passage.mentions", entry(MENTIONS_BY_PASSAGE, (l) => l.passage.mentions)],
]);
