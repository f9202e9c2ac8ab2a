import fs from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import {
  ENTITY_FILES, SEED_FILES,
  type ClaimSeed, type CountryExtension, type CountrySeed, type EventFile, type OrganisationExtension, type OrganisationSeed,
  type PersonExtension, type PersonSeed, type ProgramExtension, type ProgramSeed, type RegionExtension, type RegionSeed, type SeedFileKey,
} from "./schema.js";
import { entryNamer, YamlSource, type PathSegment } from "./yaml-source.js";
import type { Problem } from "./problems.js";
import { validateEntry } from "./validate.js";
import type { ProblemSource } from "./compile-context.js";

/** Where shared entities live, and where each document's folder is, inside the seed folder. */
export const ENTITIES_DIR = "entities";
export const DOCUMENTS_DIR = "documents";

/** The document an entry's quotes are in, by id. */
export interface DocumentRef {
  id: string;
}

/** One document's folder: its event.yaml, read and valid. */
export interface DocumentFolder extends DocumentRef {
  /** The folder's name, which is the document id's slug: documents/<slug>/. */
  slug: string;
  /** Path of the folder relative to the seed folder, with a trailing slash (problems name files by it). */
  prefix: string;
  event: EventFile;
  eventSource: YamlSource;
}

/** An entry of a seed file, with where it stands, and the document whose quotes its links are. */
export interface Entry<T> {
  value: T;
  source: ProblemSource;
  at: PathSegment[];
  /** The document the entry quotes: the folder the file is in; null for seed/entities/. */
  doc: DocumentRef | null;
  /**
   * A curated link's id, kept from the write that made it (a seed link's id is computed from its
   * ends): the same fact keeps its id across reseeds, and a seed link that takes it is reported.
   */
  linkId?: string;
  /** A curated entity's words of its document that name it (a seed file's entities need none). */
  named?: { quote: string; occurrence?: number };
  /** A definition whose aliases were set through the API: they are the entity's aliases, documents add none. */
  editedAliases?: boolean;
}

/** An entity's definition (it has a `name`), or an addition from a document to one defined elsewhere. */
export type Defined<D, X> = { kind: "definition"; entry: Entry<D> } | { kind: "extension"; entry: Entry<X> };

export interface ReadSeed {
  documents: DocumentFolder[];
  people: Array<Defined<PersonSeed, PersonExtension>>;
  organisations: Array<Defined<OrganisationSeed, OrganisationExtension>>;
  countries: Array<Defined<CountrySeed, CountryExtension>>;
  regions: Array<Defined<RegionSeed, RegionExtension>>;
  programs: Array<Defined<ProgramSeed, ProgramExtension>>;
  claims: Array<Entry<ClaimSeed>>;
  /** Ids of entries that were refused (already reported): references to them are not reported again. */
  refusedIds: Set<string>;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(() => true, () => false);
}

/**
 * Reads the seed folder: seed/entities/*.yaml (entities many documents share) and one folder per
 * document, seed/documents/<slug>/ (its text, event.yaml, and any of people, organisations,
 * places, programs and claims). Validates every file's shape, entry by entry, collecting every
 * problem. Returns null only when nothing can be cross-checked (no document, or a file that is not
 * YAML); otherwise the valid entries, for the cross-checks that follow.
 */
export async function readSeed(dir: string, problems: Problem[]): Promise<ReadSeed | null> {
  const root = path.resolve(dir);
  const read: ReadSeed = { documents: [], people: [], organisations: [], countries: [], regions: [], programs: [], claims: [], refusedIds: new Set() };
  let unreadable = false;

  const open = async (relative: string): Promise<YamlSource | null> => {
    if (!(await exists(path.join(root, relative)))) return null;
    const source = await YamlSource.read(root, relative, problems);
    if (!source) unreadable = true;
    return source;
  };

  for (const key of ENTITY_FILES) {
    const source = await open(path.posix.join(ENTITIES_DIR, SEED_FILES[key].file));
    if (source) readEntries(read, key, source, null, problems);
  }

  const documentsDir = path.join(root, DOCUMENTS_DIR);
  const slugs = (await exists(documentsDir))
    ? (await fs.readdir(documentsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  if (slugs.length === 0) problems.push({ file: `${DOCUMENTS_DIR}/`, message: "no document: add a folder documents/<slug>/ with the text and its event.yaml" });

  for (const slug of slugs) {
    const prefix = `${DOCUMENTS_DIR}/${slug}/`;
    const eventFile = `${prefix}${SEED_FILES.event.file}`;
    const eventSource = await open(eventFile);
    if (!eventSource) {
      if (!(await exists(path.join(root, eventFile)))) {
        problems.push({ file: eventFile, message: "missing: every document folder has an event.yaml" });
        continue;
      }
      // event.yaml is not YAML: the seed will be refused, but the folder's other files are still
      // checked entry by entry, so that one run lists every problem (the placeholder document is
      // never cross-checked: a seed with a file that is not YAML stops before that).
      const placeholder = { id: `document:${slug}`, slug, prefix } as DocumentFolder;
      for (const key of ["people", "organisations", "places", "programs", "claims"] as const) {
        const source = await open(`${prefix}${SEED_FILES[key].file}`);
        if (source) readEntries(read, key, source, placeholder, problems);
      }
      continue;
    }
    const event = eventSource.parse(SEED_FILES.event.schema, problems);
    if (!event) continue;
    const doc: DocumentFolder = { id: event.document.id, slug, prefix, event, eventSource };
    if (event.document.id !== `document:${slug}`) {
      problems.push(eventSource.problem(["document", "id"], `must be document:${slug}, after its folder documents/${slug}/`, entryNamer(eventSource)));
    }
    read.documents.push(doc);
    for (const key of ["people", "organisations", "places", "programs", "claims"] as const) {
      const source = await open(`${prefix}${SEED_FILES[key].file}`);
      if (source) readEntries(read, key, source, doc, problems);
    }
  }
  return unreadable || read.documents.length === 0 ? null : read;
}

type ListKey = Exclude<SeedFileKey, "event">;

function readEntries(read: ReadSeed, key: ListKey, source: YamlSource, doc: DocumentFolder | null, problems: Problem[]): void {
  const namer = entryNamer(source);
  const list = (at: PathSegment[]): Array<{ raw: unknown; at: PathSegment[] }> => {
    const raw = at.length ? source.rawAt(at) : source.data;
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      problems.push(source.problem(at, "must be a list of entries", () => undefined));
      return [];
    }
    return raw.map((entry, i) => ({ raw: entry, at: [...at, i] }));
  };
  const parse = <T>(raw: unknown, at: PathSegment[], schema: z.ZodType<T>): T | null => {
    const parsed = validateEntry(source, at, raw, schema, problems);
    const id = (raw as { id?: unknown } | null)?.id;
    if (parsed === null && typeof id === "string") read.refusedIds.add(id);
    return parsed;
  };
  /** A definition when the entry has a name; in a document, an extension otherwise. */
  const defined = <D, X>(raw: unknown, at: PathSegment[], definition: z.ZodType<D>, extension: z.ZodType<X>): Defined<D, X> | null => {
    const isDefinition = !!raw && typeof raw === "object" && "name" in raw;
    if (isDefinition || !doc) {
      const value = parse(raw, at, definition);
      if (value && !doc) refuseLinks(source, at, value as Record<string, unknown>, problems);
      return value ? { kind: "definition", entry: { value, source, at, doc } } : null;
    }
    const value = parse(raw, at, extension);
    return value ? { kind: "extension", entry: { value, source, at, doc } } : null;
  };

  switch (key) {
    case "people":
      for (const e of list([])) push(read.people, defined(e.raw, e.at, SEED_FILES.people.item, SEED_FILES.people.extension));
      break;
    case "organisations":
      for (const e of list([])) push(read.organisations, defined(e.raw, e.at, SEED_FILES.organisations.item, SEED_FILES.organisations.extension));
      break;
    case "programs":
      for (const e of list([])) push(read.programs, defined(e.raw, e.at, SEED_FILES.programs.item, SEED_FILES.programs.extension));
      break;
    case "places": {
      const data = source.data;
      if (data && typeof data === "object" && !Array.isArray(data)) {
        for (const section of Object.keys(data)) {
          if (!(section in SEED_FILES.places.sections)) problems.push(source.problem([section], "unknown section (expected countries, regions)", () => undefined));
        }
      } else if (data !== null && data !== undefined) {
        problems.push(source.problem([], "must have the sections countries and regions", () => undefined));
        break;
      }
      const { sections, extensions } = SEED_FILES.places;
      for (const e of list(["countries"])) push(read.countries, defined(e.raw, e.at, sections.countries, extensions.countries));
      for (const e of list(["regions"])) push(read.regions, defined(e.raw, e.at, sections.regions, extensions.regions));
      break;
    }
    case "claims":
      if (!doc) break;
      for (const e of list([])) {
        const value = parse(e.raw, e.at, SEED_FILES.claims.item);
        if (value) read.claims.push({ value, source, at: e.at, doc });
      }
      break;
  }
}

function push<T>(list: T[], item: T | null): void {
  if (item) list.push(item);
}

/** Fields of a definition that link with a quote: none may be given outside a document. */
const LINK_FIELDS = ["roles", "affiliations", "parent", "country", "regions", "participants"];

function refuseLinks(source: YamlSource, at: PathSegment[], value: Record<string, unknown>, problems: Problem[]): void {
  for (const field of LINK_FIELDS) {
    const link = value[field];
    if (link === undefined || link === null || (Array.isArray(link) && link.length === 0)) continue;
    problems.push(source.problem([...at, field], "a link quotes a document: give it in that document's folder (documents/<slug>/), as an entry with this id", entryNamer(source)));
  }
}
