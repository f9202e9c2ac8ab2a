import path from "node:path";
import { SEED_FILES, type Seed, type SeedFileKey } from "./schema.js";
import { entryNamer, YamlSource } from "./yaml-source.js";
import type { Problem } from "./problems.js";

export type Sources = Record<SeedFileKey, YamlSource>;

/**
 * Reads and validates the shape of every seed file. Problems of all files are collected; the
 * result is null when any file is unreadable or malformed.
 */
export async function readSeed(dir: string, problems: Problem[]): Promise<{ seed: Seed; sources: Sources } | null> {
  const seed: Partial<Record<SeedFileKey, unknown>> = {};
  const sources: Partial<Sources> = {};
  for (const key of Object.keys(SEED_FILES) as SeedFileKey[]) {
    const { file, schema } = SEED_FILES[key];
    const source = await YamlSource.read(path.resolve(dir), file, problems);
    if (!source) continue;
    sources[key] = source;
    const parsed = source.parse(schema as never, entryNamer(source), problems);
    if (parsed !== null) seed[key] = parsed;
  }
  const complete = (Object.keys(SEED_FILES) as SeedFileKey[]).every((k) => seed[k] !== undefined);
  return complete ? { seed: seed as unknown as Seed, sources: sources as Sources } : null;
}
