import path from "node:path";
import { z } from "zod";
import { SEED_FILES, type Seed, type SeedFileKey } from "./schema.js";
import { entryNamer, YamlSource, type PathSegment } from "./yaml-source.js";
import type { Problem } from "./problems.js";

export type Sources = Record<SeedFileKey, YamlSource>;

export interface ReadSeed {
  seed: Seed;
  sources: Sources;
  /** Ids of entries that were refused (already reported): references to them are not reported again. */
  refusedIds: Set<string>;
}

/**
 * Reads every seed file and validates its shape, entry by entry, collecting every problem.
 * Returns null only when the seed cannot be cross-checked at all (a file unreadable, not YAML, or
 * event.yaml malformed); otherwise the valid entries, for the cross-checks that follow.
 */
export async function readSeed(dir: string, problems: Problem[]): Promise<ReadSeed | null> {
  const sources: Partial<Sources> = {};
  for (const key of Object.keys(SEED_FILES) as SeedFileKey[]) {
    const source = await YamlSource.read(path.resolve(dir), SEED_FILES[key].file, problems);
    if (source) sources[key] = source;
  }
  if (Object.keys(sources).length !== Object.keys(SEED_FILES).length) return null;
  const all = sources as Sources;
  const refusedIds = new Set<string>();

  const event = all.event.parse(SEED_FILES.event.schema, entryNamer(all.event), problems);
  const list = <T>(key: SeedFileKey, item: z.ZodType<T>, at: PathSegment[] = []): T[] => {
    const source = all[key];
    const raw = at.length ? source.rawAt(at) : source.data;
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      problems.push(source.problem(at, "must be a list of entries", () => undefined));
      return [];
    }
    return raw.flatMap((entry, i) => {
      const parsed = source.parseAt([...at, i], entry, item, entryNamer(source), problems);
      if (parsed === null && typeof entry?.id === "string") refusedIds.add(entry.id);
      return parsed === null ? [] : [parsed];
    });
  };
  const people = list("people", SEED_FILES.people.item);
  const organisations = list("organisations", SEED_FILES.organisations.item);
  const placesKeys = all.places.data && typeof all.places.data === "object" ? Object.keys(all.places.data) : [];
  for (const key of placesKeys) {
    if (!(key in SEED_FILES.places.sections)) problems.push(all.places.problem([key], "unknown section (expected countries, regions)", () => undefined));
  }
  const countries = list("places", SEED_FILES.places.sections.countries, ["countries"]);
  const regions = list("places", SEED_FILES.places.sections.regions, ["regions"]);
  const programs = list("programs", SEED_FILES.programs.item);
  const claims = list("claims", SEED_FILES.claims.item);

  if (!event) return null;
  return { seed: { event, people, organisations, places: { countries, regions }, programs, claims }, sources: all, refusedIds };
}
