import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Label, RelType } from "../graph/model.js";
import type { GraphPlan } from "./plan.js";
import { SeedValidationError, type Problem } from "./problems.js";
import { readSeed, type DocumentRef, type ReadSeed } from "./read-seed.js";
import { CompileContext, type DocumentText } from "./compile-context.js";
import { splitPassages, type TurnMarker } from "./text/passages.js";
import { ambiguousForms, findMentions, type SurfaceForm } from "./text/gazetteer.js";
import { compileFacts, defineFactIds, Emitter, provenance, surfaceForms } from "./compile-facts.js";
import { applyCuration, EMPTY_CURATION, type CurationLayer } from "./curated.js";

/**
 * Reads the seed folder and computes everything the loader will write: nodes, relationships,
 * passages and mentions, each quote located in its own document. `curation`: the facts curated
 * through the API (read back from the graph), compiled with the files' entries. Throws
 * SeedValidationError listing every problem, in every document, when anything is wrong; nothing
 * is written before this has succeeded.
 */
export async function compileSeed(dir: string, curation: CurationLayer = EMPTY_CURATION): Promise<GraphPlan> {
  const problems: Problem[] = [];
  const read = await readSeed(dir, problems);
  if (!read) throw new SeedValidationError(problems);
  const retracted = applyCuration(read, curation, problems);
  const ctx = new CompileContext(problems, read.refusedIds, new Map([...retracted].map(([id, r]) => [id, r.note])));

  const turns: TurnMarker[] = read.people.flatMap((d) => (d.kind === "definition" && d.entry.value.turnLabel ? [{ personId: d.entry.value.id, label: d.entry.value.turnLabel }] : []));
  const texts = new Map<string, DocumentText>();
  for (const doc of read.documents) {
    const file = doc.event.document.file;
    try {
      const text = await fs.readFile(path.resolve(dir, doc.prefix, file), "utf8");
      const passages = splitPassages(text, turns);
      const passageIds = passages.map((p) => `passage:${doc.slug}-p${String(p.ordinal).padStart(3, "0")}`);
      texts.set(doc.id, { id: doc.event.document.id, text, passages, passageIds });
    } catch (error) {
      ctx.report(doc.eventSource, ["document", "file"], `cannot read the document ${file}: ${(error as Error).message}`);
    }
  }
  if (texts.size !== read.documents.length) throw new SeedValidationError(problems);
  const textOf = (doc: DocumentRef) => texts.get(doc.id)!;

  defineIds(ctx, read);
  for (const d of read.people) {
    const p = d.entry.value;
    if (d.kind === "definition" && d.entry.value.turnLabel && ![...texts.values()].some((t) => t.passages.some((s) => s.speakerId === p.id))) {
      ctx.report(d.entry.source, [...d.entry.at, "turnLabel"], `no paragraph of any document opens with the turn label "${d.entry.value.turnLabel}"`);
    }
  }

  const out = new Emitter(ctx, retracted);

  // Documents, passages and events
  for (const doc of read.documents) {
    const { document, event } = doc.event;
    const where = textOf(doc);
    const { text, passages, passageIds } = where;
    const src = doc.eventSource;
    out.node(Label.Document, { id: document.id, title: document.title, file: document.file, url: document.url ?? null, text, sha256: sha256(text), searchText: document.title });
    passages.forEach((p, i) => {
      const id = passageIds[i]!;
      out.node(Label.Passage, { id, ordinal: p.ordinal, start: p.start, end: p.end, text: p.text, kind: p.kind, documentId: document.id, speakerId: p.speakerId });
      out.rel(RelType.PART_OF, id, document.id);
      if (p.speakerId) out.rel(RelType.SAID, p.speakerId, id);
    });
    const eventAt = ctx.locate(where, src, ["event"], event.quote, event.occurrence);
    const count = event.participantCount ? ctx.locate(where, src, ["event", "participantCount"], event.participantCount.quote, event.participantCount.occurrence) : null;
    if (event.recordingUrl) ctx.locate(where, src, ["event", "recordingUrl"], event.recordingUrl.quote, event.recordingUrl.occurrence);
    out.node(Label.Event, {
      id: event.id, name: event.name, date: event.date, online: event.online, searchText: event.name,
      quote: event.quote, start: eventAt?.start, end: eventAt?.end, passageId: eventAt?.passageId,
      participantCount: event.participantCount?.value, participantCountQualifier: event.participantCount?.qualifier ?? null,
      participantCountQuote: count?.quote, participantCountStart: count?.start, participantCountEnd: count?.end,
      recordingUrl: event.recordingUrl?.url,
    });
    out.rel(RelType.DOCUMENTED_BY, event.id, document.id);
    event.hosts.forEach((h, i) => {
      const at = ctx.locate(where, src, ["event", "hosts", i], h.quote, h.occurrence);
      if (ctx.expect(h.organisation, ["organisation"], src, ["event", "hosts", i, "organisation"]) && at) {
        out.rel(RelType.HOSTED, h.organisation, event.id, { role: h.role, ...provenance(at) });
      }
    });
  }

  compileFacts(ctx, read, textOf, out);

  // Mentions, computed from names and aliases, in every document
  const forms = surfaceForms(out.nodes);
  for (const { form, entityIds } of ambiguousForms(forms)) {
    problems.push({ file: "(names and aliases)", message: `"${form}" is a name or alias of more than one entity (${entityIds.join(", ")}): mentions would be ambiguous` });
  }
  for (const doc of texts.values()) for (const m of mentionRows(doc, forms)) out.rel(RelType.MENTIONS, m.from, m.to, m.props, { id: m.id });

  if (problems.length > 0) throw new SeedValidationError(problems);
  const first = textOf(read.documents[0]!);
  return { documentSha256: sha256(first.text), nodes: out.nodes, rels: out.rels, documents: read.documents.map((d) => ({ id: d.event.document.id, slug: d.slug })) };
}

/**
 * A document's mentions: every occurrence of every entity's names in its text (findMentions'
 * longest-match rule), each in the passage it lies in, with its stable id. The loader and a write
 * that adds or renames an entity both compute them so.
 */
export function mentionRows(doc: DocumentText, forms: readonly SurfaceForm[]) {
  const rows: Array<{ id: string; from: string; to: string; props: { surface: string; start: number; end: number; passageId: string } }> = [];
  for (const m of findMentions(doc.text, forms)) {
    const index = doc.passages.findIndex((p) => p.start <= m.start && m.end <= p.end);
    if (index < 0) continue;
    const passageId = doc.passageIds[index]!;
    rows.push({ id: `mention:${passageId}@${m.start}`, from: passageId, to: m.entityId, props: { surface: m.surface, start: m.start, end: m.end, passageId } });
  }
  return rows;
}

function defineIds(ctx: CompileContext, read: ReadSeed): void {
  for (const doc of read.documents) {
    ctx.define("document", doc.event.document.id, doc.eventSource, ["document"]);
    ctx.define("event", doc.event.event.id, doc.eventSource, ["event"]);
  }
  defineFactIds(ctx, read);
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
