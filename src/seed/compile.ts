import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Label, OPERATES_IN, RelType } from "../graph/model.js";
import type { GraphPlan, NodeRow, Props, RelRow } from "./plan.js";
import { SeedValidationError, type Problem } from "./problems.js";
import { readSeed } from "./read-seed.js";
import type { Seed } from "./schema.js";
import { CompileContext, type EntityKind, type Located } from "./compile-context.js";
import { splitPassages } from "./text/passages.js";
import { ambiguousForms, findMentions, type SurfaceForm } from "./text/gazetteer.js";
import { occurrencesOf } from "./text/quotes.js";

/** Relationship provenance: the quote and where it stands. */
const provenance = (l: Located): Props => ({ quote: l.quote, start: l.start, end: l.end, passageId: l.passageId });

/**
 * Reads the seed folder and computes everything the loader will write: nodes, relationships,
 * passages and mentions, each quote located in the document. Throws SeedValidationError listing
 * every problem when anything is wrong; nothing is written before this has succeeded.
 */
export async function compileSeed(dir: string): Promise<GraphPlan> {
  const problems: Problem[] = [];
  const read = await readSeed(dir, problems);
  if (!read) throw new SeedValidationError(problems);
  const { seed, sources, refusedIds } = read;

  const docFile = seed.event.document.file;
  let text: string;
  try {
    text = await fs.readFile(path.resolve(dir, docFile), "utf8");
  } catch (error) {
    problems.push({ file: "event.yaml", ...sources.event.locate(["document", "file"]), entry: seed.event.document.id, field: "file", message: `cannot read the document ${docFile}: ${(error as Error).message}` });
    throw new SeedValidationError(problems);
  }

  const turns = seed.people.flatMap((p) => (p.turnLabel ? [{ personId: p.id, label: p.turnLabel }] : []));
  const passages = splitPassages(text, turns);
  const docSlug = seed.event.document.id.replace(/^document:/, "");
  const passageIds = passages.map((p) => `passage:${docSlug}-p${String(p.ordinal).padStart(3, "0")}`);
  const ctx = new CompileContext(sources, text, passages, passageIds, problems, refusedIds);

  defineIds(ctx, seed);
  seed.people.forEach((p, i) => {
    if (p.turnLabel && !passages.some((s) => s.speakerId === p.id)) {
      ctx.report("people", [i, "turnLabel"], `no paragraph of the document opens with the turn label "${p.turnLabel}"`);
    }
  });

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

  // Document and passages
  const { document, event } = seed.event;
  node(Label.Document, { id: document.id, title: document.title, file: document.file, url: document.url ?? null, text, sha256: sha256(text), searchText: document.title });
  passages.forEach((p, i) => {
    const id = passageIds[i]!;
    node(Label.Passage, { id, ordinal: p.ordinal, start: p.start, end: p.end, text: p.text, kind: p.kind, documentId: document.id, speakerId: p.speakerId });
    rel(RelType.PART_OF, id, document.id);
    if (p.speakerId) rel(RelType.SAID, p.speakerId, id);
  });

  // Event
  const eventAt = ctx.locate("event", ["event"], event.quote, event.occurrence);
  const count = event.participantCount ? ctx.locate("event", ["event", "participantCount"], event.participantCount.quote, event.participantCount.occurrence) : null;
  const recording = event.recordingUrl ? ctx.locate("event", ["event", "recordingUrl"], event.recordingUrl.quote, event.recordingUrl.occurrence) : null;
  node(Label.Event, {
    id: event.id, name: event.name, date: event.date, online: event.online, searchText: event.name,
    quote: event.quote, start: eventAt?.start, end: eventAt?.end, passageId: eventAt?.passageId,
    participantCount: event.participantCount?.value, participantCountQualifier: event.participantCount?.qualifier ?? null,
    participantCountQuote: count?.quote, participantCountStart: count?.start, participantCountEnd: count?.end,
    recordingUrl: event.recordingUrl?.url,
  });
  rel(RelType.DOCUMENTED_BY, event.id, document.id);
  event.hosts.forEach((h, i) => {
    const at = ctx.locate("event", ["event", "hosts", i], h.quote, h.occurrence);
    if (ctx.expect(h.organisation, ["organisation"], "event", ["event", "hosts", i, "organisation"]) && at) {
      rel(RelType.HOSTED, h.organisation, event.id, { role: h.role, ...provenance(at) });
    }
  });

  // People
  seed.people.forEach((p, i) => {
    node(Label.Person, { id: p.id, name: p.name, honorific: p.honorific ?? null, title: p.title ?? null, aliases: p.aliases, turnLabel: p.turnLabel ?? null, searchText: searchText(p.name, p.aliases) });
    p.roles.forEach((r, j) => {
      const at = ctx.locate("people", [i, "roles", j], r.quote, r.occurrence);
      if (ctx.expect(r.event, ["event"], "people", [i, "roles", j, "event"]) && at) rel(RelType.SPOKE_AT, p.id, r.event, { role: r.role, ...provenance(at) });
    });
    p.affiliations.forEach((a, j) => {
      const at = ctx.locate("people", [i, "affiliations", j], a.quote, a.occurrence);
      if (ctx.expect(a.organisation, ["organisation"], "people", [i, "affiliations", j, "organisation"]) && at) {
        rel(RelType.AFFILIATED_WITH, p.id, a.organisation, { title: a.title ?? null, ...provenance(at) });
      }
    });
  });

  // Organisations
  seed.organisations.forEach((o, i) => {
    node(Label.Organisation, { id: o.id, name: o.name, acronym: o.acronym ?? null, kind: o.kind, aliases: o.aliases, wikidataId: o.wikidataId ?? null, searchText: searchText(o.name, o.aliases, o.acronym) });
    linkWithQuote(ctx, rel, "organisations", [i, "parent"], o.id, RelType.PART_OF, o.parent, ["organisation"]);
    linkWithQuote(ctx, rel, "organisations", [i, "country"], o.id, RelType.BASED_IN, o.country, ["country"]);
  });

  // Places
  seed.places.countries.forEach((c, i) => {
    node(Label.Country, { id: c.id, isoCode: c.id.slice("country:".length), name: c.name, aliases: c.aliases, demonyms: c.demonyms, searchText: searchText(c.name, c.aliases, ...c.demonyms) });
    c.regions.forEach((r, j) => linkWithQuote(ctx, rel, "places", ["countries", i, "regions", j], c.id, RelType.IN_REGION, r, ["region"]));
  });
  seed.places.regions.forEach((r, i) => {
    node(Label.Region, { id: r.id, name: r.name, kind: r.kind, aliases: r.aliases, demonyms: r.demonyms, searchText: searchText(r.name, r.aliases, ...r.demonyms) });
    linkWithQuote(ctx, rel, "places", ["regions", i, "country"], r.id, RelType.IN_COUNTRY, r.country, ["country"]);
  });

  // Programs
  seed.programs.forEach((p, i) => {
    node(Label.Program, { id: p.id, name: p.name, kind: p.kind, aliases: p.aliases, description: p.description ?? null, searchText: searchText(p.name, p.aliases) });
    p.participants.forEach((x, j) => {
      const at = ctx.locate("programs", [i, "participants", j], x.quote, x.occurrence);
      const placeOnly = x.role === OPERATES_IN;
      const kinds: EntityKind[] = placeOnly ? ["country", "region"] : ["person", "organisation", "country", "region"];
      if (!ctx.expect(x.participant, kinds, "programs", [i, "participants", j, "participant"]) || !at) return;
      if (placeOnly) rel(OPERATES_IN, p.id, x.participant, provenance(at));
      else rel(x.role, x.participant, p.id, provenance(at));
    });
  });

  // Claims
  seed.claims.forEach((c, i) => compileClaim(ctx, c, i, node, rel));

  // Mentions, computed from names and aliases
  const forms = surfaceForms(seed);
  for (const { form, entityIds } of ambiguousForms(forms)) {
    problems.push({ file: "(names and aliases)", message: `"${form}" is a name or alias of more than one entity (${entityIds.join(", ")}): mentions would be ambiguous` });
  }
  for (const m of findMentions(text, forms)) {
    const index = passages.findIndex((p) => p.start <= m.start && m.end <= p.end);
    if (index < 0) continue;
    const passageId = passageIds[index]!;
    rel(RelType.MENTIONS, passageId, m.entityId, { surface: m.surface, start: m.start, end: m.end, passageId }, `mention:${passageId}@${m.start}`);
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  return { documentSha256: sha256(text), nodes, rels };
}

function defineIds(ctx: CompileContext, seed: Seed): void {
  ctx.define("document", seed.event.document.id, "event", ["document"]);
  ctx.define("event", seed.event.event.id, "event", ["event"]);
  seed.people.forEach((x, i) => ctx.define("person", x.id, "people", [i]));
  seed.organisations.forEach((x, i) => ctx.define("organisation", x.id, "organisations", [i]));
  seed.places.countries.forEach((x, i) => ctx.define("country", x.id, "places", ["countries", i]));
  seed.places.regions.forEach((x, i) => ctx.define("region", x.id, "places", ["regions", i]));
  seed.programs.forEach((x, i) => ctx.define("program", x.id, "programs", [i]));
  seed.claims.forEach((x, i) => ctx.define("claim", x.id, "claims", [i]));
}

type RelFn = (type: string, from: string, to: string, props?: Props, id?: string) => void;
type NodeFn = (label: Label, props: NodeRow["props"], entity?: boolean) => void;

function linkWithQuote(
  ctx: CompileContext, rel: RelFn, file: "organisations" | "places", at: (string | number)[],
  from: string, type: string, link: { id: string; quote: string; occurrence?: number } | null | undefined, kinds: EntityKind[],
): void {
  if (!link) return;
  const located = ctx.locate(file, at, link.quote, link.occurrence);
  if (ctx.expect(link.id, kinds, file, [...at, "id"]) && located) rel(type, from, link.id, provenance(located));
}

function compileClaim(ctx: CompileContext, c: Seed["claims"][number], i: number, node: NodeFn, rel: RelFn): void {
  const at = ctx.locate("claims", [i], c.quote, c.occurrence);
  const speakerKnown = ctx.expect(c.speaker, ["person"], "claims", [i, "speaker"]);
  if (at && speakerKnown) {
    const turn = ctx.speakerOf(at.passageId);
    if (turn !== c.speaker) {
      ctx.report("claims", [i, "speaker"], `the quote stands in ${turn ? `${turn}'s turn` : "a paragraph with no speaker"}, not ${c.speaker}'s`);
    }
  }
  c.about.forEach((id, j) => {
    if (ctx.expect(id, ["person", "organisation", "country", "region", "program", "event"], "claims", [i, "about", j])) rel(RelType.ABOUT, c.id, id);
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
      ctx.report("claims", [i, "quantities", j, "quote"], `quantity quote "${q.quote}" ${why}`);
      return;
    }
    const start = at.start + inside[pick - 1]!;
    const id = `${c.id}#q${j + 1}`;
    node(Label.Quantity, { id, value: q.value, unit: q.unit, qualifier: q.qualifier ?? null, surface: q.quote, start, end: start + q.quote.length, ordinal: j + 1, claimId: c.id }, false);
    rel(RelType.HAS_QUANTITY, c.id, id);
  });
}

function surfaceForms(seed: Seed): SurfaceForm[] {
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
  seed.people.forEach((p) => add(p.id, p.name, ...p.aliases));
  seed.organisations.forEach((o) => add(o.id, o.name, o.acronym, ...o.aliases));
  seed.places.countries.forEach((c) => add(c.id, c.name, ...c.aliases, ...c.demonyms));
  seed.places.regions.forEach((r) => add(r.id, r.name, ...r.aliases, ...r.demonyms));
  seed.programs.forEach((p) => add(p.id, p.name, ...p.aliases));
  return forms;
}

function searchText(...parts: Array<string | string[] | null | undefined>): string {
  return parts.flat().filter(Boolean).join(" | ");
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
