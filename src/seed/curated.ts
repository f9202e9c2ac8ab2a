import type { Problem } from "./problems.js";
import type { ProblemSource } from "./compile-context.js";
import type { Defined, DocumentRef, Entry, ReadSeed } from "./read-seed.js";
import type { RetractedFact } from "./compile-facts.js";
import { SEED_FILES } from "./schema.js";
import { formatPath, type PathSegment } from "./yaml-source.js";
import { validateEntry } from "./validate.js";
import type { z } from "zod";
import type { Driver } from "neo4j-driver";

/**
 * Facts curated through the API, as the loader reads them back from the graph (curation/ stores
 * them). Each is a seed entry, in the seed files' own format, with the document it quotes: the
 * loader compiles it with the seed files' entries, so a reseed keeps every curated fact and
 * computes it exactly as the write did (seed/README.md, "Curated facts and reseeding").
 */
export type CuratedSection = "people" | "organisations" | "countries" | "regions" | "programs" | "claims";

export interface CuratedFact {
  /** The fact's id: an entity's, a claim's, or a link's. */
  id: string;
  revision: number;
  /** A new entity (`definition`), a link added to an entity (`extension`), or a claim. */
  kind: "definition" | "extension" | "claim";
  section: CuratedSection;
  documentId: string;
  /** The seed entry, as a seed file would hold it. */
  entry: unknown;
  /** A link's id, kept across reseeds. */
  linkId?: string;
  /** A new entity's words of the document that name it. */
  named?: { quote: string; occurrence?: number };
}

/** A fact retracted through the API (seed-defined or curated): left out of the graph. */
export interface Retraction extends RetractedFact {
  factId: string;
}

/** An entity's fields changed through the API (name, aliases, …): applied over its definition. */
export interface EntityEdit {
  factId: string;
  revision: number;
  changes: Record<string, unknown>;
}

export interface CurationLayer {
  facts: CuratedFact[];
  retractions: Retraction[];
  edits: EntityEdit[];
}

export const EMPTY_CURATION: CurationLayer = { facts: [], retractions: [], edits: [] };

/** A curated fact as a problem names it: "curated fact org:x (revision 4)", and the field inside. */
export class CuratedSource implements ProblemSource {
  readonly file: string;
  constructor(private readonly fact: { id: string; revision: number }) {
    this.file = `curated fact ${fact.id} (revision ${fact.revision})`;
  }
  problemAt(at: readonly PathSegment[], message: string): Problem {
    return { file: this.file, entry: this.fact.id, field: formatPath(at) || undefined, message };
  }
  lineOf(): number | undefined {
    return undefined;
  }
}

const SCHEMAS: Record<CuratedSection, { definition?: z.ZodType<any>; extension?: z.ZodType<any>; claim?: z.ZodType<any> }> = {
  people: { definition: SEED_FILES.people.item, extension: SEED_FILES.people.extension },
  organisations: { definition: SEED_FILES.organisations.item, extension: SEED_FILES.organisations.extension },
  countries: { definition: SEED_FILES.places.sections.countries, extension: SEED_FILES.places.extensions.countries },
  regions: { definition: SEED_FILES.places.sections.regions, extension: SEED_FILES.places.extensions.regions },
  programs: { definition: SEED_FILES.programs.item, extension: SEED_FILES.programs.extension },
  claims: { claim: SEED_FILES.claims.item },
};

/** The schema a curated entry is checked against: the seed file's, for its section and kind. */
export function schemaOf(section: CuratedSection, kind: CuratedFact["kind"]): z.ZodType<any> {
  const schema = SCHEMAS[section][kind];
  if (!schema) throw new Error(`no ${kind} in ${section}`);
  return schema;
}

/**
 * Adds the curated layer to what was read from the seed folder: curated facts join their section
 * (after the seed files' entries, in revision order), edits change the definitions they name, and
 * retracted claims and entities are left out. Returns the retracted facts by id, which the
 * compiler leaves out as it meets them (links) and names when a reference meets one.
 */
export function applyCuration(read: ReadSeed, layer: CurationLayer, problems: Problem[]): Map<string, RetractedFact> {
  const retracted = new Map(layer.retractions.map((r) => [r.factId, { note: r.note, quote: r.quote }]));
  const documents = new Map<string, DocumentRef>(read.documents.map((d) => [d.id, d]));
  const lists = read as unknown as Record<CuratedSection, unknown[]>;
  for (const fact of [...layer.facts].sort((a, b) => a.revision - b.revision)) {
    const source = new CuratedSource(fact);
    const doc = documents.get(fact.documentId);
    if (!doc) {
      problems.push(source.problemAt([], `quotes ${fact.documentId}, which is no longer in the seed (its folder documents/${fact.documentId.replace(/^document:/, "")}/ is gone): restore the folder, or retract the fact`));
      continue;
    }
    const value = validateEntry(source, [], fact.entry, schemaOf(fact.section, fact.kind), problems);
    if (!value) continue;
    const entry: Entry<unknown> = { value, source, at: [], doc, ...(fact.linkId ? { linkId: fact.linkId } : {}), ...(fact.named ? { named: fact.named } : {}) };
    lists[fact.section].push(fact.kind === "claim" ? entry : ({ kind: fact.kind, entry } as Defined<unknown, unknown>));
  }
  // Retracted claims and entities are not compiled at all (a link is left out where it is met).
  const kept = (id: string, quote: string | null) => {
    const r = retracted.get(id);
    return !r || (r.quote !== null && r.quote !== quote);
  };
  read.claims = read.claims.filter((c) => kept(c.value.id, c.value.quote));
  for (const section of ["people", "organisations", "countries", "regions", "programs"] as const) {
    const list = read[section] as Array<Defined<{ id: string }, { id: string }>>;
    (read as unknown as Record<string, unknown>)[section] = list.filter((d) => d.kind !== "definition" || kept(d.entry.value.id, null));
  }
  applyEdits(read, layer.edits, problems);
  return retracted;
}

/** Each edit replaces the fields it names in the entity's definition, checked against the definition's schema. */
function applyEdits(read: ReadSeed, edits: EntityEdit[], problems: Problem[]): void {
  const definitions = new Map<string, { d: Defined<unknown, unknown>; section: CuratedSection }>();
  for (const section of ["people", "organisations", "countries", "regions", "programs"] as const) {
    for (const d of read[section] as Array<Defined<{ id: string }, { id: string }>>) if (d.kind === "definition") definitions.set(d.entry.value.id, { d: d as Defined<unknown, unknown>, section });
  }
  for (const edit of [...edits].sort((a, b) => a.revision - b.revision)) {
    const source = new CuratedSource({ id: edit.factId, revision: edit.revision });
    const found = definitions.get(edit.factId);
    if (!found) {
      problems.push(source.problemAt([], `edits ${edit.factId}, which is no longer defined in the seed or by a curated fact`));
      continue;
    }
    const edited = { ...(found.d.entry.value as Record<string, unknown>), ...edit.changes };
    const value = validateEntry(source, [], edited, schemaOf(found.section, "definition"), problems);
    if (value) found.d.entry = { ...found.d.entry, value, editedAliases: found.d.entry.editedAliases || "aliases" in edit.changes };
  }
}

/**
 * The curated layer as stored in the graph (curation/ writes it):
 *   (:CuratedEntry {id, kind, status, revision, …})  one per curated fact, retraction and edit;
 * never an Entity, so a reload's sweep of nodes no longer in the seed does not touch it.
 */
export const CURATED_ENTRY = "CuratedEntry";

export async function readCurationLayer(driver: Driver, database: string): Promise<CurationLayer> {
  const { records } = await driver.executeQuery(
    `MATCH (c:${CURATED_ENTRY}) WHERE c.status = 'active' RETURN c {.*} AS c ORDER BY c.revision`,
    {},
    { database, routing: "READ" },
  );
  const layer: CurationLayer = { facts: [], retractions: [], edits: [] };
  for (const record of records) {
    const c = record.get("c") as Record<string, any>;
    const revision = Number(c.revision);
    if (c.kind === "retraction") layer.retractions.push({ factId: c.factId, quote: c.quote ?? null, note: c.note });
    else if (c.kind === "edit") layer.edits.push({ factId: c.factId, revision, changes: JSON.parse(c.changes) });
    else {
      layer.facts.push({
        id: c.factId, revision, kind: c.kind, section: c.section, documentId: c.documentId, entry: JSON.parse(c.entry),
        ...(c.linkId ? { linkId: c.linkId } : {}), ...(c.named ? { named: JSON.parse(c.named) } : {}),
      });
    }
  }
  return layer;
}
