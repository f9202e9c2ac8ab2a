import { foldedNames, Label, OPERATES_IN, RelType } from "../graph/model.js";
import type { NodeRow, Props, RelRow } from "./plan.js";
import type { Defined, DocumentRef, Entry } from "./read-seed.js";
import type {
  ClaimSeed, CountryExtension, CountrySeed, OrganisationExtension, OrganisationSeed, PersonExtension, PersonSeed,
  ProgramExtension, ProgramSeed, RegionExtension, RegionSeed,
} from "./schema.js";
import type { CompileContext, DocumentText, EntityKind, Located } from "./compile-context.js";
import { findMentions, type SurfaceForm } from "./text/gazetteer.js";
import { occurrencesOf } from "./text/quotes.js";
import type { PathSegment } from "./yaml-source.js";

/**
 * The facts of the seed's entries: entities, their quoted links, claims. The same code compiles
 * them from seed files (compile.ts) and from one write through the API (curation/), so an entry
 * gives the same nodes, relationships, offsets and ids whichever way it came.
 */
export interface FactSet {
  people: Array<Defined<PersonSeed, PersonExtension>>;
  organisations: Array<Defined<OrganisationSeed, OrganisationExtension>>;
  countries: Array<Defined<CountrySeed, CountryExtension>>;
  regions: Array<Defined<RegionSeed, RegionExtension>>;
  programs: Array<Defined<ProgramSeed, ProgramExtension>>;
  claims: Array<Entry<ClaimSeed>>;
}

/** Relationship provenance: the quote and where it stands. */
export const provenance = (l: Located): Props => ({ quote: l.quote, start: l.start, end: l.end, passageId: l.passageId });

/** A retracted fact, as the loader leaves it out: by id, only while its quote is still the one retracted. */
export interface RetractedFact {
  /** Why, for a reference that meets it: "revision 12: wrong organisation". */
  note: string;
  /** The quote of the fact retracted; a fact with that id and another quote is another fact. */
  quote: string | null;
}

/**
 * Collects what compiling writes. Relationship ids follow one rule: `from-TYPE->to`, `#2`, `#3`, …
 * when taken, in the order facts are compiled; a curated link brings its own id (Entry.linkId),
 * and a fact already holding it is reported, never overwritten. A retracted fact is left out, its
 * id still counted, so the ids of the others do not move.
 */
export class Emitter {
  readonly nodes: NodeRow[] = [];
  readonly rels: RelRow[] = [];
  private readonly relIds: Set<string>;

  constructor(
    private readonly ctx: CompileContext,
    private readonly retracted: ReadonlyMap<string, RetractedFact> = new Map(),
    /** Relationship ids already taken (by the graph, for a write through the API). */
    taken: Iterable<string> = [],
  ) {
    this.relIds = new Set(taken);
  }

  node(label: Label, props: NodeRow["props"], entity = true): void {
    this.nodes.push({ label, entity, props });
  }

  /** Adds a relationship; returns its id, or null when it was left out (retracted, or its id taken). */
  rel(type: string, from: string, to: string, props: Props = {}, options: { id?: string; entry?: Entry<unknown>; at?: PathSegment[] } = {}): string | null {
    const { entry } = options;
    let unique = options.id ?? `${from}-${type}->${to}`;
    if (entry?.linkId) {
      if (this.relIds.has(entry.linkId)) {
        this.ctx.report(entry.source, options.at ?? entry.at, `the link ${entry.linkId} is also given by another entry (a seed file and a curated fact, or two facts): keep one, retract the other or remove it from the seed file`);
        return null;
      }
      unique = entry.linkId;
    } else {
      const base = unique;
      for (let n = 2; this.relIds.has(unique); n++) unique = `${base}#${n}`;
    }
    this.relIds.add(unique);
    const gone = this.retracted.get(unique);
    if (gone && (gone.quote === null || gone.quote === props.quote)) return null;
    this.rels.push({ type, from, to, props: { ...props, id: unique } });
    return unique;
  }
}

/** Declares every id the facts define, and checks every extension extends an entity of its kind. */
export function defineFactIds(ctx: CompileContext, facts: FactSet): void {
  const define = (kind: EntityKind, list: Array<Defined<{ id: string }, { id: string }>>) => {
    for (const d of list) if (d.kind === "definition") ctx.define(kind, d.entry.value.id, d.entry.source, d.entry.at);
  };
  define("person", facts.people);
  define("organisation", facts.organisations);
  define("country", facts.countries);
  define("region", facts.regions);
  define("program", facts.programs);
  for (const c of facts.claims) ctx.define("claim", c.value.id, c.source, c.at);
  // An extension adds to an entity defined elsewhere: the id must be defined, as the same kind.
  const extended = (kind: EntityKind, list: Array<Defined<{ id: string }, { id: string }>>) => {
    for (const d of list) if (d.kind === "extension") ctx.expect(d.entry.value.id, [kind], d.entry.source, [...d.entry.at, "id"]);
  };
  extended("person", facts.people);
  extended("organisation", facts.organisations);
  extended("country", facts.countries);
  extended("region", facts.regions);
  extended("program", facts.programs);
}

type NamedLists = Array<Array<Defined<{ id: string; aliases: string[] }, { id: string; aliases: string[] }>>>;

/** Each entity's aliases: its definition's, then those documents add, without repeats. */
export function mergedAliases(facts: FactSet): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  const edited = new Set<string>();
  for (const list of [facts.people, facts.organisations, facts.countries, facts.regions, facts.programs] as NamedLists) {
    for (const d of [...list.filter((x) => x.kind === "definition"), ...list.filter((x) => x.kind === "extension")]) {
      const { id, aliases } = d.entry.value;
      if (d.kind === "extension" && edited.has(id)) continue;
      if (d.entry.editedAliases) edited.add(id);
      const names = merged.get(id) ?? [];
      for (const a of aliases) if (!names.includes(a)) names.push(a);
      merged.set(id, names);
    }
  }
  return merged;
}

/**
 * Compiles the facts into the emitter: entity nodes, their quoted links, claims with their figures.
 * Every quote is located in the document its entry quotes (`textOf`); every problem is reported
 * through `ctx`, located in the entry's source.
 */
export function compileFacts(ctx: CompileContext, facts: FactSet, textOf: (doc: DocumentRef) => DocumentText, out: Emitter, aliases = mergedAliases(facts)): void {
  /** A link quoted from the document of the entry. */
  const quoted = <T extends { quote: string; occurrence?: number }>(entry: Entry<unknown>, at: PathSegment[], link: T) =>
    entry.doc ? ctx.locate(textOf(entry.doc), entry.source, [...entry.at, ...at], link.quote, link.occurrence) : null;
  const link = (entry: Entry<unknown>, at: PathSegment[], from: string, type: string, target: { id: string; quote: string; occurrence?: number } | null | undefined, kinds: EntityKind[]) => {
    if (!target) return;
    const located = quoted(entry, at, target);
    if (ctx.expect(target.id, kinds, entry.source, [...entry.at, ...at, "id"]) && located) out.rel(type, from, target.id, provenance(located), { entry, at });
  };

  /** A curated entity is added only where its document names it: the quote must hold one of its names. */
  const named = (d: Defined<unknown, unknown>, label: Label, row: NodeRow["props"]) => {
    out.node(label, row);
    const { named: words, doc, source, at } = d.entry;
    if (!words || !doc) return;
    const located = ctx.locate(textOf(doc), source, [...at, "named"], words.quote, words.occurrence);
    if (located && findMentions(words.quote, namesOf(row)).length === 0) {
      ctx.report(source, [...at, "named", "quote"], `the quote does not name ${row.id}: it holds none of its names (${namesOf(row).map((f) => f.form).join(", ")})`);
    }
  };

  // People: definitions, then every document's roles and affiliations
  for (const d of facts.people) {
    const e = d.entry;
    if (d.kind === "definition") named(d, Label.Person, personRow(d.entry.value, aliases));
    const { id, roles, affiliations } = e.value;
    roles.forEach((r, j) => {
      const at = quoted(e, ["roles", j], r);
      if (ctx.expect(r.event, ["event"], e.source, [...e.at, "roles", j, "event"]) && at) out.rel(RelType.SPOKE_AT, id, r.event, { role: r.role, ...provenance(at) }, { entry: e });
    });
    affiliations.forEach((a, j) => {
      const at = quoted(e, ["affiliations", j], a);
      if (ctx.expect(a.organisation, ["organisation"], e.source, [...e.at, "affiliations", j, "organisation"]) && at) {
        out.rel(RelType.AFFILIATED_WITH, id, a.organisation, { title: a.title ?? null, ...provenance(at) }, { entry: e });
      }
    });
  }

  // Organisations
  for (const d of facts.organisations) {
    const e = d.entry;
    if (d.kind === "definition") named(d, Label.Organisation, organisationRow(d.entry.value, aliases));
    link(e, ["parent"], e.value.id, RelType.PART_OF, e.value.parent, ["organisation"]);
    link(e, ["country"], e.value.id, RelType.BASED_IN, e.value.country, ["country"]);
  }

  // Places
  for (const d of facts.countries) {
    const e = d.entry;
    if (d.kind === "definition") named(d, Label.Country, countryRow(d.entry.value, aliases));
    e.value.regions.forEach((r, j) => link(e, ["regions", j], e.value.id, RelType.IN_REGION, r, ["region"]));
  }
  for (const d of facts.regions) {
    const e = d.entry;
    if (d.kind === "definition") named(d, Label.Region, regionRow(d.entry.value, aliases));
    link(e, ["country"], e.value.id, RelType.IN_COUNTRY, e.value.country, ["country"]);
  }

  // Programs
  for (const d of facts.programs) {
    const e = d.entry;
    if (d.kind === "definition") named(d, Label.Program, programRow(d.entry.value, aliases));
    e.value.participants.forEach((x, j) => {
      const at = quoted(e, ["participants", j], x);
      const placeOnly = x.role === OPERATES_IN;
      const kinds: EntityKind[] = placeOnly ? ["country", "region"] : ["person", "organisation", "country", "region"];
      if (!ctx.expect(x.participant, kinds, e.source, [...e.at, "participants", j, "participant"]) || !at) return;
      if (placeOnly) out.rel(OPERATES_IN, e.value.id, x.participant, provenance(at), { entry: e });
      else out.rel(x.role, x.participant, e.value.id, provenance(at), { entry: e });
    });
  }

  // Claims
  for (const c of facts.claims) compileClaim(ctx, c, textOf(c.doc!), out);
}

/** The node row of each kind of entity: what the graph stores of its definition. */
export function personRow(p: PersonSeed, aliases?: Map<string, string[]>): NodeRow["props"] {
  const names = aliases?.get(p.id) ?? p.aliases;
  return { id: p.id, name: p.name, honorific: p.honorific ?? null, title: p.title ?? null, aliases: names, turnLabel: p.turnLabel ?? null, searchText: searchText(p.name, names), foldedNames: foldedNames(p.name, names) };
}
export function organisationRow(o: OrganisationSeed, aliases?: Map<string, string[]>): NodeRow["props"] {
  const names = aliases?.get(o.id) ?? o.aliases;
  return { id: o.id, name: o.name, acronym: o.acronym ?? null, kind: o.kind, aliases: names, wikidataId: o.wikidataId ?? null, searchText: searchText(o.name, names, o.acronym), foldedNames: foldedNames(o.name, o.acronym, names) };
}
export function countryRow(c: CountrySeed, aliases?: Map<string, string[]>): NodeRow["props"] {
  const names = aliases?.get(c.id) ?? c.aliases;
  return { id: c.id, isoCode: c.id.slice("country:".length), name: c.name, aliases: names, demonyms: c.demonyms, searchText: searchText(c.name, names, ...c.demonyms), foldedNames: foldedNames(c.name, names) };
}
export function regionRow(r: RegionSeed, aliases?: Map<string, string[]>): NodeRow["props"] {
  const names = aliases?.get(r.id) ?? r.aliases;
  return { id: r.id, name: r.name, kind: r.kind, aliases: names, demonyms: r.demonyms, searchText: searchText(r.name, names, ...r.demonyms), foldedNames: foldedNames(r.name, names) };
}
export function programRow(p: ProgramSeed, aliases?: Map<string, string[]>): NodeRow["props"] {
  const names = aliases?.get(p.id) ?? p.aliases;
  return { id: p.id, name: p.name, kind: p.kind, aliases: names, description: p.description ?? null, searchText: searchText(p.name, names), foldedNames: foldedNames(p.name, names) };
}

function compileClaim(ctx: CompileContext, entry: Entry<ClaimSeed>, doc: DocumentText, out: Emitter): void {
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
    if (ctx.expect(id, ["person", "organisation", "country", "region", "program", "event"], source, [...where, "about", j])) out.rel(RelType.ABOUT, c.id, id);
  });
  if (!at) return;
  out.node(Label.Claim, { id: c.id, text: c.quote, kind: c.kind, start: at.start, end: at.end, passageId: at.passageId, speakerId: c.speaker });
  if (speakerKnown) out.rel(RelType.MADE, c.speaker, c.id);
  out.rel(RelType.SUPPORTED_BY, c.id, at.passageId, { start: at.start, end: at.end });
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
    out.node(Label.Quantity, { id, value: q.value, unit: q.unit, qualifier: q.qualifier ?? null, surface: q.quote, start, end: start + q.quote.length, ordinal: j + 1, claimId: c.id }, false);
    out.rel(RelType.HAS_QUANTITY, c.id, id);
  });
}

/** The names an entity goes by in the text, from what its node stores: one rule for the loader and for writes. */
export function namesOf(props: { id: string; name?: unknown; acronym?: unknown; aliases?: unknown; demonyms?: unknown }): SurfaceForm[] {
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  const names = [props.name, props.acronym, ...list(props.aliases), ...list(props.demonyms)];
  const seen = new Set<string>();
  const forms: SurfaceForm[] = [];
  for (const form of names) {
    if (typeof form === "string" && form && !seen.has(form)) {
      seen.add(form);
      forms.push({ entityId: props.id, form });
    }
  }
  return forms;
}

/** Every entity node's names, from the rows compiled. */
export function surfaceForms(nodes: readonly NodeRow[]): SurfaceForm[] {
  const named = new Set<string>([Label.Person, Label.Organisation, Label.Country, Label.Region, Label.Program]);
  return nodes.filter((n) => named.has(n.label)).flatMap((n) => namesOf(n.props));
}

function searchText(...parts: Array<string | string[] | null | undefined>): string {
  return parts.flat().filter(Boolean).join(" | ");
}
