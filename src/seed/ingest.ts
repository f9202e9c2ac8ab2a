import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { stringify } from "yaml";
import { Label, RelType } from "../graph/model.js";
import { compileSeed } from "./compile.js";
import type { GraphPlan } from "./plan.js";
import { SeedValidationError, type Problem } from "./problems.js";
import { DOCUMENTS_DIR } from "./read-seed.js";
import { DocumentSeed, EventSeed, PersonSeed } from "./schema.js";
import { entryNamer, YamlSource } from "./yaml-source.js";

/**
 * What `ingest` reads beside the transcript: the document (its `file` is the transcript's name),
 * the event, and the event's people (speakers with their turn labels, moderator, …).
 */
const IngestFile = z.strictObject({
  document: DocumentSeed.extend({ file: DocumentSeed.shape.file.optional() }),
  event: EventSeed,
  people: z.array(PersonSeed).default([]),
});

export interface IngestOptions {
  /** The transcript, a plain-text file; copied byte for byte. */
  transcript: string;
  /** The event file (IngestFile). */
  eventFile: string;
  /** The seed folder the document is added to. */
  seedDir: string;
  /** Replace the document's folder when it exists. */
  force?: boolean;
}

export interface IngestResult {
  /** The new folder, relative to the seed folder: documents/<slug>/. */
  folder: string;
  documentId: string;
  passages: number;
  spoken: number;
  speakers: number;
  mentions: number;
  entities: number;
  plan: GraphPlan;
}

/**
 * Adds a transcript to the seed as a folder of its own (documents/<slug>/): the text byte for
 * byte, its event.yaml and people.yaml from the event file, and an empty claims.yaml (claims are
 * curated by hand). Passages and speakers come from the turn markers and mentions from the
 * gazetteer when the seed is compiled, which happens here: a transcript that does not fit (a
 * quote not in the text, an unknown id, a turn label that opens no paragraph) is refused with
 * every problem located, and its folder is not left behind.
 */
export async function ingestTranscript({ transcript, eventFile, seedDir, force }: IngestOptions): Promise<IngestResult> {
  const problems: Problem[] = [];
  const eventDir = path.dirname(path.resolve(eventFile));
  const source = await YamlSource.read(eventDir, path.basename(eventFile), problems);
  const parsed = source?.parse(IngestFile, problems);
  let text: Buffer | null = null;
  try {
    text = await fs.readFile(transcript);
  } catch (error) {
    problems.push({ file: transcript, message: `cannot read the transcript: ${(error as Error).message}` });
  }
  if (!parsed || !text) throw new SeedValidationError(problems);

  const slug = parsed.document.id.replace(/^document:/, "");
  const folder = `${DOCUMENTS_DIR}/${slug}/`;
  const target = path.join(seedDir, DOCUMENTS_DIR, slug);
  const exists = await fs.stat(target).then(() => true, () => false);
  if (exists && !force) {
    throw new SeedValidationError([{ file: folder, message: "already exists: pick another document id, or --force to replace it" }]);
  }
  const file = path.basename(transcript);
  const { people, ...rest } = parsed;
  const event = { ...rest, document: { ...rest.document, file } };

  await fs.rm(target, { recursive: true, force: true });
  await fs.mkdir(target, { recursive: true });
  try {
    await fs.writeFile(path.join(target, file), text);
    await fs.writeFile(path.join(target, "event.yaml"), `# The document and the event it records (added by npm run ingest).\n${stringify(event, { lineWidth: 0 })}`);
    await fs.writeFile(path.join(target, "people.yaml"), `# The event's people (added by npm run ingest).\n${stringify(people, { lineWidth: 0 })}`);
    await fs.writeFile(path.join(target, "claims.yaml"), "# Claims are curated by hand: see seed/README.md (claims.yaml).\n[]\n");
    const plan = await compileSeed(seedDir);
    return { folder, documentId: parsed.document.id, plan, ...counts(plan, slug, parsed.document.id) };
  } catch (error) {
    await fs.rm(target, { recursive: true, force: true });
    throw error;
  }
}

function counts(plan: GraphPlan, slug: string, documentId: string) {
  const passages = plan.nodes.filter((n) => n.label === Label.Passage && n.props.documentId === documentId);
  const spoken = passages.filter((p) => p.props.speakerId);
  const mentions = plan.rels.filter((r) => r.type === RelType.MENTIONS && r.from.startsWith(`passage:${slug}-`));
  return {
    passages: passages.length,
    spoken: spoken.length,
    speakers: new Set(spoken.map((p) => p.props.speakerId)).size,
    mentions: mentions.length,
    entities: new Set(mentions.map((m) => m.to)).size,
  };
}

export function formatIngest(r: IngestResult): string {
  return (
    `Added ${r.folder} (${r.documentId}): ${r.passages} passages, ${r.spoken} of them by ${r.speakers} speakers; ` +
    `${r.mentions} mentions of ${r.entities} known entities. Claims are curated by hand in ${r.folder}claims.yaml. ` +
    `The seed is valid: ${r.plan.nodes.length} nodes and ${r.plan.rels.length} relationships; load it with npm run seed.`
  );
}
