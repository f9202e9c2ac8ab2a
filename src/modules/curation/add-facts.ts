import type { ManagedTransaction } from "neo4j-driver";
import { Label } from "../../graph/model.js";
import { ambiguousForms } from "../../seed/text/gazetteer.js";
import { namesOf } from "../../seed/compile-facts.js";
import type { CuratedSection } from "../../seed/curated.js";
import { writeRows } from "../../seed/write-plan.js";
import { EntityType } from "../common/entity-type.js";
import type { Caller } from "../../shared/caller.js";
import type { AddClaimInput, AddEntityInput, AddLinkInput } from "./curation.inputs.js";
import { allForms, refreshMentions } from "./graph-facts.js";
import { InputSource, refused } from "./input-source.js";
import { compileWrite, occurrenceOf, quotedDocument } from "./compile-write.js";
import { linkEntry } from "./links.js";
import { snapshot, storeCurated, type WriteOutcome } from "./write-path.js";

const ENTITY_SECTIONS: Partial<Record<EntityType, { section: CuratedSection; label: string; prefix: string }>> = {
  [EntityType.PERSON]: { section: "people", label: Label.Person, prefix: "person" },
  [EntityType.ORGANISATION]: { section: "organisations", label: Label.Organisation, prefix: "org" },
  [EntityType.COUNTRY]: { section: "countries", label: Label.Country, prefix: "country" },
  [EntityType.REGION]: { section: "regions", label: Label.Region, prefix: "region" },
  [EntityType.PROGRAM]: { section: "programs", label: Label.Program, prefix: "program" },
};

/** Lower-case words joined by hyphens, as the seed's ids are: "Operation Mehr" → "operation-mehr". */
export function slugOf(text: string, words = 8): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).slice(0, words).join("-") || "x";
}

/** Keeps only the fields a writer gave: the seed's strict schema then names any the type does not have. */
function given(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
}

/** Adds an entity named in a document; its mentions are computed in every document, as the loader does. */
export async function addEntity(tx: ManagedTransaction, input: AddEntityInput, revision: number, caller: Caller): Promise<WriteOutcome> {
  const source = new InputSource((at) => (at[0] === "named" ? String(at[1] ?? "quote") : String(at[0] ?? "id")));
  const kind = ENTITY_SECTIONS[input.type];
  if (!kind) throw refused([source.problemAt(["type"], `${input.type} cannot be added this way: add a PERSON, ORGANISATION, COUNTRY, REGION or PROGRAM`)]);
  const doc = await quotedDocument(tx, input.documentId, source);
  const occurrence = occurrenceOf(doc, input, source);
  const id = input.id ?? `${kind.prefix}:${slugOf(input.name)}`;
  const entry = given({
    id, name: input.name, aliases: input.aliases, acronym: input.acronym, kind: input.kind, honorific: input.honorific,
    title: input.title, description: input.description, demonyms: input.demonyms,
  });
  const named = { quote: input.quote, ...(occurrence !== undefined ? { occurrence } : {}) };
  const { out } = await compileWrite(tx, { section: kind.section, kind: "definition", entry, documentId: input.documentId, source, ids: [id], named }, doc);
  const row = out.nodes[0]!;
  const forms = [...(await allForms(tx)), ...namesOf(row.props)];
  const clash = ambiguousForms(forms).filter((a) => a.entityIds.includes(id));
  if (clash.length > 0) {
    throw refused(clash.map((a) => source.problemAt(["aliases"], `"${a.form}" already names ${a.entityIds.filter((e) => e !== id).join(", ")}: mentions would be ambiguous`)));
  }
  await writeRows(tx, out.nodes, []);
  await refreshMentions(tx, forms, namesOf(row.props).map((f) => f.form));
  await storeCurated(tx, { factId: id, kind: "definition", section: kind.section, documentId: input.documentId, entry: JSON.stringify(entry), named: JSON.stringify(named), revision, keyId: caller.keyId });
  return { factId: id, factType: kind.label, documentId: input.documentId, before: null, after: snapshot(row.props), subjects: [id] };
}

/** Adds a link a quote states, as the seed's extension entry for it. */
export async function addLink(tx: ManagedTransaction, input: AddLinkInput, revision: number, caller: Caller): Promise<WriteOutcome> {
  const probe = linkEntry(input, undefined);
  const source = new InputSource(probe.fieldOf);
  const doc = await quotedDocument(tx, input.documentId, source);
  const { section, entry } = linkEntry(input, occurrenceOf(doc, input, source));
  const taken = await takenLinkIds(tx, input.from, input.to);
  const { out } = await compileWrite(tx, { section, kind: "extension", entry, documentId: input.documentId, source, ids: [input.from, input.to], takenRelIds: taken }, doc);
  const rel = out.rels[0]!;
  // The same link on the same words is one fact: stated again, it is refused, not doubled.
  const same = await tx.run(
    `MATCH (:Entity {id: $from})-[r:${rel.type}]->(:Entity {id: $to}) WHERE r.start = $start AND r.end = $end RETURN r.id AS id`,
    { from: rel.from, to: rel.to, start: rel.props.start, end: rel.props.end },
  );
  if (same.records.length > 0) throw refused([source.problemAt(["quote"], `the graph already has this link on these words: ${same.records[0]!.get("id")}`)]);
  await writeRows(tx, [], out.rels);
  await storeCurated(tx, { factId: rel.props.id, kind: "extension", section, documentId: input.documentId, entry: JSON.stringify(entry), linkId: rel.props.id, revision, keyId: caller.keyId });
  return { factId: rel.props.id, factType: rel.type, documentId: input.documentId, before: null, after: { type: rel.type, from: rel.from, to: rel.to, ...snapshot(rel.props) }, subjects: [rel.from, rel.to] };
}

/** Ids of links between two entities, and of links once retracted there: a new link takes the next. */
async function takenLinkIds(tx: ManagedTransaction, from: string, to: string): Promise<string[]> {
  const { records } = await tx.run(
    `RETURN COLLECT { MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) RETURN r.id }
          + COLLECT { MATCH (c:CuratedEntry) WHERE c.factId STARTS WITH $from + '-' RETURN c.factId } AS ids`,
    { from, to },
  );
  return records[0]?.get("ids") ?? [];
}

/** Adds a claim: its quote must stand in the speaker's turn, its figures inside its quote. */
export async function addClaim(tx: ManagedTransaction, input: AddClaimInput, revision: number, caller: Caller): Promise<WriteOutcome> {
  const source = new InputSource((at) => {
    const [head, index, field] = at;
    if (head === "speaker") return "speakerId";
    if (head === "quantities" && index !== undefined) return `quantities[${index}]${field ? `.${field}` : ""}`;
    if (head === "about" && index !== undefined) return `about[${index}]`;
    return String(head ?? "id");
  });
  const doc = await quotedDocument(tx, input.documentId, source);
  const occurrence = occurrenceOf(doc, input, source);
  const id = input.id ?? `claim:${slugOf(input.speakerId.replace(/^person:/, ""), 3)}-${slugOf(input.quote, 6)}`;
  const entry = given({
    id, speaker: input.speakerId, kind: input.kind, quote: input.quote, occurrence, about: input.about,
    quantities: input.quantities?.map((q) => given({ value: q.value, unit: q.unit, qualifier: q.qualifier, quote: q.quote, occurrence: q.occurrence })),
  });
  const { out } = await compileWrite(tx, { section: "claims", kind: "claim", entry, documentId: input.documentId, source, ids: [id, input.speakerId, ...(input.about ?? [])] }, doc);
  await writeRows(tx, out.nodes, out.rels);
  await storeCurated(tx, { factId: id, kind: "claim", section: "claims", documentId: input.documentId, entry: JSON.stringify(entry), revision, keyId: caller.keyId });
  const claim = out.nodes.find((n) => n.label === Label.Claim)!;
  const quantities = out.nodes.filter((n) => n.label === Label.Quantity).map((n) => snapshot(n.props));
  return { factId: id, factType: Label.Claim, documentId: input.documentId, before: null, after: { ...snapshot(claim.props), about: input.about ?? [], quantities }, subjects: [id, input.speakerId, ...(input.about ?? [])] };
}
