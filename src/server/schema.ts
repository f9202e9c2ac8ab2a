import "reflect-metadata";
import path from "node:path";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { isAbstractType, lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { projectRoot } from "../config/config.js";
import { HealthResolver } from "../modules/health/health.resolver.js";
import { NodeResolver } from "../modules/common/node.resolver.js";
import { PersonResolver } from "../modules/person/person.resolver.js";
import {
  CountryReferenceResolver,
  OrganisationReferenceResolver,
  PersonReferenceResolver,
  ProgramReferenceResolver,
  RegionReferenceResolver,
} from "../modules/person/reference.resolver.js";
import { DocumentResolver } from "../modules/document/document.resolver.js";
import { documentRelations } from "../modules/document/document.relations.js";
import { MentionResolver, PassageResolver } from "../modules/passage/passage.resolver.js";
import { OrganisationResolver } from "../modules/organisation/organisation.resolver.js";
import { CountryResolver } from "../modules/country/country.resolver.js";
import { RegionResolver } from "../modules/region/region.resolver.js";
import { ProgramResolver } from "../modules/program/program.resolver.js";
import { EventResolver } from "../modules/event/event.resolver.js";
import { ClaimResolver } from "../modules/claim/claim.resolver.js";
import { SearchResolver } from "../modules/search/search.resolver.js";
import { GraphResolver } from "../modules/graph/graph.resolver.js";
import { ExportResolver } from "../modules/export/export.resolver.js";
import { Person } from "../modules/person/person.type.js";
import { Organisation } from "../modules/organisation/organisation.type.js";
import { Country } from "../modules/country/country.type.js";
import { Region } from "../modules/region/region.type.js";
import { Program } from "../modules/program/program.type.js";
import { Event } from "../modules/event/event.type.js";
import { Document } from "../modules/document/document.type.js";
import { Passage } from "../modules/passage/passage.type.js";
import { Claim } from "../modules/claim/claim.type.js";
import { mergeSources, type Sources } from "../data/source.js";
import { ReadModel } from "../data/model.js";
import { answerPlannedFields } from "../data/planned.js";
import { nodeRelations } from "../modules/common/node.relations.js";
import { personRelations } from "../modules/person/person.relations.js";
import { organisationRelations } from "../modules/organisation/organisation.relations.js";
import { countryRelations } from "../modules/country/country.relations.js";
import { programRelations } from "../modules/program/program.relations.js";
import { eventRelations } from "../modules/event/event.relations.js";
import { claimRelations } from "../modules/claim/claim.relations.js";
import { passageRelations } from "../modules/passage/passage.relations.js";
import { searchRelations } from "../modules/search/search.relations.js";
import { CurationResolver, NodeHistoryResolver } from "../modules/curation/curation.resolver.js";
import { curationRelations } from "../modules/curation/curation.relations.js";

/** Every resolver of the API; the schema is built from their decorators. */
export const resolvers = [
  HealthResolver,
  NodeResolver,
  PersonResolver,
  OrganisationReferenceResolver,
  CountryReferenceResolver,
  PersonReferenceResolver,
  PassageResolver,
  MentionResolver,
  OrganisationResolver,
  CountryResolver,
  RegionResolver,
  ProgramResolver,
  EventResolver,
  ClaimResolver,
  SearchResolver,
  GraphResolver,
  ExportResolver,
  DocumentResolver,
  RegionReferenceResolver,
  ProgramReferenceResolver,
  CurationResolver,
  NodeHistoryResolver,
] as const;

/** Every type implementing Node, so `node(id:)` can return each even if no field names it. */
const nodeTypes = [Person, Organisation, Country, Region, Program, Event, Document, Passage, Claim];

/** How every field is read, declared beside each module's types (see data/source.ts). */
export const relations: Sources = mergeSources(
  nodeRelations,
  personRelations,
  organisationRelations,
  countryRelations,
  programRelations,
  eventRelations,
  claimRelations,
  passageRelations,
  documentRelations,
  searchRelations,
  curationRelations,
);

/** The schema as built from the resolvers' decorators, without the read model. */
export function buildBareSchema(extension: SchemaExtension = {}): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...resolvers, ...(extension.resolvers ?? [])] as unknown as NonEmptyArray<Function>, orphanedTypes: nodeTypes, validate: true });
}

/** More resolvers and their declarations, for a schema that grows (tests follow docs/architecture.md with it). */
export interface SchemaExtension {
  resolvers?: Function[];
  relations?: Sources;
}

/**
 * The executable schema and its read model: the schema built from the resolvers, every field made
 * to answer from planned values (data/planned.ts), and the modules' declarations handed to the
 * read model once.
 */
export async function createSchema(extension: SchemaExtension = {}): Promise<{ schema: GraphQLSchema; model: ReadModel }> {
  const schema = answerPlannedFields(await buildBareSchema(extension));
  return { schema, model: new ReadModel(schema, extension.relations ? mergeSources(relations, extension.relations) : relations) };
}

/** Where the generated SDL is committed; a test fails when it differs from the code. */
export const SCHEMA_FILE = path.join(projectRoot, "schema", "schema.graphql");

export const POSSIBLE_TYPES_FILE = path.join(projectRoot, "schema", "possible-types.json");

/**
 * Every interface and union with the object types that implement it, as Apollo Client's
 * `possibleTypes` (and urql Graphcache's schema awareness) take it, so fragments on `Node` match
 * in a normalised cache. Committed as schema/possible-types.json.
 */
export async function printPossibleTypes(): Promise<string> {
  const schema = await buildBareSchema();
  const possible: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!isAbstractType(type) || type.name.startsWith("__")) continue;
    possible[type.name] = schema.getPossibleTypes(type).map((t) => t.name).sort();
  }
  return `${JSON.stringify(possible, null, 2)}\n`;
}

/** The SDL committed as schema/schema.graphql: sorted, so the diff of a change shows only the change. */
export async function printSortedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildBareSchema()))}\n`;
}
