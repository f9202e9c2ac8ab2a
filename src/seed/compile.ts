import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { foldedNames, Label, OPERATES_IN, RelType } from "../graph/model.js";
import type { GraphPlan, NodeRow, Props, RelRow } from "./plan.js";
import { SeedValidationError, type Problem } from "./problems.js";
import { readSeed, type Defined, type DocumentFolder, type Entry, type ReadSeed } from "./read-seed.js";
import type { ClaimSeed } from "./schema.js";
import { CompileContext, type DocumentText, type EntityKind, type Located } from "./compile-context.js";
import { splitPassages, type TurnMarker } from "./text/passages.js";
import { ambiguousForms, findMentions, type SurfaceForm } from "./text/gazetteer.js";
import { occurrencesOf } from "./text/quotes.js";
import type { PathSegment } from "./yaml-source.js";

/** Relationship provenance: the quote and where it stands. */
const provenance = (l: Located): Props => ({ quote: l.quote, start: l.start, end: l.end, passageId: l.passageId });

/**
 * Reads the seed folder and computes everything the loader will write: nodes, relationships,
 * passages and mentions, each quote located in its own document. Throws SeedValidationError
 * listing every problem, in every document, when anything is wrong; nothing is written before
 * this has succeeded.
 */
export async function compileSeed(dir: string): Promise<GraphPlan> {
  const problems: Problem[] = [];
  const read = await readSeed(dir, problems);
  if (!read) throw new SeedValidationError(problems);
  const ctx = new CompileContext(problems, read.refusedIds);

  const turns: TurnMarker[] = read.people.flatMap((d) => (d.kind === "definition" && d.entry.value.turnLabel ? [{ personId: d.entry.value.id, label: d.entry.value.turnLabel }] : []));
  const texts = new Map<DocumentFolder, DocumentText>();
  for (const doc of read.documents) {
    const file = doc.event.document.file;
    try {
      const text = await fs.readFile(path.resolve(dir, doc.prefix, file), "utf8");
      const passages = splitPassages(text, turns);
      const passageIds = passages.map((p) => `passage:${doc.slug}-p${String(p.ordinal).padStart(3, "0")}`);
      texts.set(doc, { id: doc.event.document.id, text, passages, passageIds });
    } catch (error) {
      ctx.report(doc.eventSource, ["document", "file"], `cannot read the document ${file}: ${(error as Error).message}`);
    }
  }
  if (texts.size !== read.documents.length) throw new SeedValidationError(problems);
  const textOf = (doc: DocumentFolder) => texts.get(doc)!;

  defineIds(ctx, read);
  for (const d of read.people) {
    const p = d.entry.value;
    if (d.kind === "definition" && d.entry.value.turnLabel && ![...texts.values()].some((t) => t.passages.some((s) => s.speakerId === p.id))) {
      ctx.report(d.entry.source, [...d.entry.at, "turnLabel"], `no paragraph of any document opens with the turn label "${d.entry.value.turnLabel}"`);
    }
  }

  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  const relIds = new Set<string>();
  const node = (label: Label, props: NodeRow["props"], entity = true) => nodes.push({ label, entity, props });
  const rel = (type: string, from: string, to: string, props: Props = {}, id = `${from}-${type}->${to}`) => {
    let unique = id;
    for (let n = 2; relIds.has(unique); n++) unique = `${id}#${n}`;
    relIds.add(unique);
    rels.push({ type, from, to, props: { ...props, id: unique } });
  };
  /** A link quoted from the document of the entry's folder. */
  const quoted = <T extends { quote: string; occurrence?: number }>(entry: Entry<unknown>, at: PathSegment[], link: T) =>
    entry.doc ? ctx.locate(textOf(entry.doc), entry.source, [...entry.at, ...at], link.quote, link.occurrence) : null;

  // Documents, passages and events
  for (const doc of read.documents) {
    const { document, event } = doc.event;
    const { text, passages, passageIds } = textOf(doc);
    const src = doc.eventSource;
    node(Label.Document, { id: document.id, title: document.title, file: document.file, url: document.url ?? null, text, sha256: sha256(text), searchText: document.title });
    passages.forEach((p, i) => {
      const id = passageIds[i]!;
      node(Label.Passage, { id, ordinal: p.ordinal, start: p.start, end: p.end, text: p.text, kind: p.kind, documentId: document.id, speakerId: p.speakerId });
      rel(RelType.PART_OF, id, document.id);
      if (p.speakerId) rel(RelType.SAID, p.speakerId, id);
    });
    const where = textOf(doc);
    const eventAt = ctx.locate(where, src, ["event"], event.quote, event.occurrence);
    const count = event.participantCount ? ctx.locate(where, src, ["event", "participantCount"], event.participantCount.quote, event.participantCount.occurrence) : null;
    if (event.recordingUrl) ctx.locate(where, src, ["event", "recordingUrl"], event.recordingUrl.quote, event.recordingUrl.occurrence);
    node(Label.Event, {
      id: event.id, name: event.name, date: event.date, online: event.online, searchText: event.name,
      quote: event.quote, start: eventAt?.start, end: eventAt?.end, passageId: eventAt?.passageId,
      participantCount: event.participantCount?.value, participantCountQualifier: event.participantCount?.qualifier ?? null,
      participantCountQuote: count?.quote, participantCountStart: count?.start, participantCountEnd: count?.end,
      recordingUrl: event.recordingUrl?.url,
    });
    rel(RelType.DOCUMENTED_BY, event.id, document.id);
    event.hosts.forEach((h, i) => {
      const at = ctx.locate(where, src, ["event", "hosts", i], h.quote, h.occurrence);
      if (ctx.expect(h.organisation, ["organisation"], src, ["event", "hosts", i, "organisation"]) && at) {
        rel(RelType.HOSTED, h.organisation, event.id, { role: h.role, ...provenance(at) });
      }
    });
  }

  const aliases = mergedAliases(read);
  const link = (entry: Entry<unknown>, at: PathSegment[], from: string, type: string, target: { id: string; quote: string; occurrence?: number } | null | undefined, kinds: EntityKind[]) => {
    if (!target) return;
    const located = quoted(entry, at, target);
    if (ctx.expect(target.id, kinds, entry.source, [...entry.at, ...at, "id"]) && located) rel(type, from, target.id, provenance(located));
  };

  // People: definitions, then every document's roles and affiliations
  for (const d of read.people) {
    const e = d.entry;
    if (d.kind === "definition") {
      const p = d.entry.value;
      const names = aliases.get(p.id) ?? p.aliases;
      node(Label.Person, { id: p.id, name: p.name, honorific: p.honorific ?? null, title: p.title ?? null, aliases: names, turnLabel: p.turnLabel ?? null, searchText: searchText(p.name, names), foldedNames: foldedNames(p.name, names) });
    }
    const { id, roles, affiliations } = e.value;
    roles.forEach((r, j) => {
      const at = quoted(e, ["roles", j], r);
      if (ctx.expect(r.event, ["event"], e.source, [...e.at, "roles", j, "event"]) && at) rel(RelType.SPOKE_AT, id, r.event, { role: r.role, ...provenance(at) });
    });
    affiliations.forEach((a, j) => {
      const at = quoted(e, ["affiliations", j], a);
      if (ctx.expect(a.organisation, ["organisation"], e.source, [...e.at, "affiliations", j, "organisation"]) && at) {
        rel(RelType.AFFILIATED_WITH, id, a.organisation, { title: a.title ?? null, ...provenance(at) });
      }
    });
  }

  // Organisations
  for (const d of read.organisations) {
    const e = d.entry;
    if (d.kind === "definition") {
      const o = d.entry.value;
      const names = aliases.get(o.id) ?? o.aliases;
      node(Label.Organisation, { id: o.id, name: o.name, acronym: o.acronym ?? null, kind: o.kind, aliases: names, wikidataId: o.wikidataId ?? null, searchText: searchText(o.name, names, o.acronym), foldedNames: foldedNames(o.name, o.acronym, names) });
    }
    link(e, ["parent"], e.value.id, RelType.PART_OF, e.value.parent, ["organisation"]);
    link(e, ["country"], e.value.id, RelType.BASED_IN, e.value.country, ["country"]);
  }

  // Places
  for (const d of read.countries) {
    const e = d.entry;
    if (d.kind === "definition") {
      const c = d.entry.value;
      const names = aliases.get(c.id) ?? c.aliases;
      node(Label.Country, { id: c.id, isoCode: c.id.slice("country:".length), name: c.name, aliases: names, demonyms: c.demonyms, searchText: searchText(c.name, names, ...c.demonyms), foldedNames: foldedNames(c.name, names) });
    }
    e.value.regions.forEach((r, j) => link(e, ["regions", j], e.value.id, RelType.IN_REGION, r, ["region"]));
  }
  for (const d of read.regions) {
    const e = d.entry;
    if (d.kind === "definition") {
      const r = d.entry.value;
      const names = aliases.get(r.id) ?? r.aliases;
      node(Label.Region, { id: r.id, name: r.name, kind: r.kind, aliases: names, demonyms: r.demonyms, searchText: searchText(r.name, names, ...r.demonyms), foldedNames: foldedNames(r.name, names) });
    }
    link(e, ["country"], e.value.id, RelType.IN_COUNTRY, e.value.country, ["country"]);
  }

  // Programs
  for (const d of read.programs) {
    const e = d.entry;
    if (d.kind === "definition") {
      const p = d.entry.value;
      const names = aliases.get(p.id) ?? p.aliases;
      node(Label.Program, { id: p.id, name: p.name, kind: p.kind, aliases: names, description: p.description ?? null, searchText: searchText(p.name, names), foldedNames: foldedNames(p.name, names) });
    }
    e.value.participants.forEach((x, j) => {
      const at = quoted(e, ["participants", j], x);
      const placeOnly = x.role === OPERATES_IN;
      const kinds: EntityKind[] = placeOnly ? ["country", "region"] : ["person", "organisation", "country", "region"];
      if (!ctx.expect(x.participant, kinds, e.source, [...e.at, "participants", j, "participant"]) || !at) return;
      if (placeOnly) rel(OPERATES_IN, e.value.id, x.participant, provenance(at));
      else rel(x.role, x.participant, e.value.id, provenance(at));
    });
  }

  // Claims
  for (const c of read.claims) compileClaim(ctx, c, textOf(c.doc!), node, rel);

  // Mentions, computed from names and aliases, in every document
  const forms = surfaceForms(read, aliases);
  for (const { form, entityIds } of ambiguousForms(forms)) {
    problems.push({ file: "(names and aliases)", message: `"${form}" is a name or alias of more than one entity (${entityIds.join(", ")}): mentions would be ambiguous` });
  }
  for (const { text, passages, passageIds } of texts.values()) {
    for (const m of findMentions(text, forms)) {
      const index = passages.findIndex((p) => p.start <= m.start && m.end <= p.end);
      if (index < 0) continue;
      const passageId = passageIds[index]!;
      rel(RelType.MENTIONS, passageId, m.entityId, { surface: m.surface, start: m.start, end: m.end, passageId }, `mention:${passageId}@${m.start}`);
    }
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  const first = textOf(read.documents[0]!);
  return { documentSha256: sha256(first.text), nodes, rels, documents: read.documents.map((d) => ({ id: d.event.document.id, slug: d.slug })) };
}

function defineIds(ctx: CompileContext, read: ReadSeed): void {
  for (const doc of read.documents) {
    ctx.define("document", doc.event.document.id, doc.eventSource, ["document"]);
    ctx.define("event", doc.event.event.id, doc.eventSource, ["event"]);
  }
  const define = (kind: EntityKind, list: Array<Defined<{ id: string }, { id: string }>>) => {
    for (const d of list) if (d.kind === "definition") ctx.define(kind, d.entry.value.id, d.entry.source, d.entry.at);
  };
  define("person", read.people);
  define("organisation", read.organisations);
  define("country", read.countries);
  define("region", read.regions);
  define("program", read.programs);
  for (const c of read.claims) ctx.define("claim", c.value.id, c.source, c.at);
  // An extension adds to an entity defined elsewhere: the id must be defined, as the same kind.
  const extended = (kind: EntityKind, list: Array<Defined<{ id: string }, { id: string }>>) => {
    for (const d of list) if (d.kind === "extension") ctx.expect(d.entry.value.id, [kind], d.entry.source, [...d.entry.at, "id"]);
  };
  extended("person", read.people);
  extended("organisation", read.organisations);
  extended("country", read.countries);
  extended("region", read.regions);
  extended("program", read.programs);
}

/** Each entity's aliases: its definition's, then those documents add, without repeats. */
function mergedAliases(read: ReadSeed): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const list of [read.people, read.organisations, read.countries, read.regions, read.programs] as Array<Array<Defined<{ id: string; aliases: string[] }, { id: string; aliases: string[] }>>>) {
    for (const d of [...list.filter((x) => x.kind === "definition"), ...list.filter((x) => x.kind === "extension")]) {
      const { id, aliases } = d.entry.value;
      const names = merged.get(id) ?? [];
      for (const a of aliases) if (!names.includes(a)) names.push(a);
      merged.set(id, names);
    }
  }
  return merged;
}

type RelFn = (type: string, from: string, to: string, props?: Props, id?: string) => void;
type NodeFn = (label: Label, props: NodeRow["props"], entity?: boolean) => void;

function compileClaim(ctx: CompileContext, entry: Entry<ClaimSeed>, doc: DocumentText, node: NodeFn, rel: RelFn): void {
  const { value: c, source, at: where } = entry;
  const at = ctx.locate(doc, source, where, c.quote, c.occurrence);
  const speakerKnown = ctx.expect(c.speaker, ["person"], source, [...where, "speaker"]);
  if (at && speakerKnown) {
    const turn = ctx.speakerOf(doc, at.passageId);
    if (turn !== c.speaker) {
      ctx.report(source, [...where, "speaker"], `the quote stands in ${turn ? `${turn}'s turn` : "a paragraph with no speaker"}, not ${c.speaker}'s`);
    }
  }
  c.about.forEach((id, j) => {
    if (ctx.expect(id, ["person", "organisation", "country", "region", "program", "event"], source, [...where, "about", j])) rel(RelType.ABOUT, c.id, id);
  });
  if (!at) return;
  node(Label.Claim, { id: c.id, text: c.quote, kind: c.kind, start: at.start, end: at.end, passageId: at.passageId, speakerId: c.speaker });
  if (speakerKnown) rel(RelType.MADE, c.speaker, c.id);
  rel(RelType.SUPPORTED_BY, c.id, at.passageId, { start: at.start, end: at.end });
  c.quantities.forEach((q, j) => {
    const inside = occurrencesOf(c.quote, q.quote);
    const pick = q.occurrence ?? 1;
    if (inside.length === 0 || (inside.length > 1 && q.occurrence === undefined) || pick > inside.length) {
      const why = inside.length === 0 ? "is not inside the claim's quote" : `appears ${inside.length} times in the claim's quote; add occurrence`;
      ctx.report(source, [...where, "quantities", j, "quote"], `quantity quote "${q.quote}" ${why}`);
      return;
    }
    const start = at.start + inside[pick - 1]!;
    const id = `${c.id}#q${j + 1}`;
    node(Label.Quantity, { id, value: q.value, unit: q.unit, qualifier: q.qualifier ?? null, surface: q.quote, start, end: start + q.quote.length, ordinal: j + 1, claimId: c.id }, false);
    rel(RelType.HAS_QUANTITY, c.id, id);
  });
}

function surfaceForms(read: ReadSeed, aliases: Map<string, string[]>): SurfaceForm[] {
  const forms: SurfaceForm[] = [];
  const add = (entityId: string, ...names: Array<string | null | undefined>) => {
    const seen = new Set<string>();
    for (const form of names) {
      if (form && !seen.has(form)) {
        seen.add(form);
        forms.push({ entityId, form });
      }
    }
  };
  const all = (id: string, own: string[]) => aliases.get(id) ?? own;
  for (const d of read.people) if (d.kind === "definition") add(d.entry.value.id, d.entry.value.name, ...all(d.entry.value.id, d.entry.value.aliases));
  for (const d of read.organisations) if (d.kind === "definition") add(d.entry.value.id, d.entry.value.name, d.entry.value.acronym, ...all(d.entry.value.id, d.entry.value.aliases));
  for (const d of read.countries) if (d.kind === "definition") add(d.entry.value.id, d.entry.value.name, ...all(d.entry.value.id, d.entry.value.aliases), ...d.entry.value.demonyms);
  for (const d of read.regions) if (d.kind === "definition") add(d.entry.value.id, d.entry.value.name, ...all(d.entry.value.id, d.entry.value.aliases), ...d.entry.value.demonyms);
  for (const d of read.programs) if (d.kind === "definition") add(d.entry.value.id, d.entry.value.name, ...all(d.entry.value.id, d.entry.value.aliases));
  return forms;
}

function searchText(...parts: Array<string | string[] | null | undefined>): string {
  return parts.flat().filter(Boolean).join(" | ");
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

