import type { ManagedTransaction } from "neo4j-driver";
import { Label, NAMED_LABELS, RelType } from "../../graph/model.js";
import type { DocumentText, EntityKind } from "../../seed/compile-context.js";
import { mentionRows } from "../../seed/compile.js";
import { namesOf } from "../../seed/compile-facts.js";
import type { SurfaceForm } from "../../seed/text/gazetteer.js";
import type { PassageKind } from "../../seed/text/passages.js";
import { createRels, relParams } from "../../seed/write-plan.js";

/**
 * What a write compiles against, read from the graph inside its transaction: the kinds of the ids
 * it names, a document's text and passages as the loader split them, and every entity's names.
 */

const KIND_OF: Record<string, EntityKind> = {
  Document: "document", Event: "event", Person: "person", Organisation: "organisation", Country: "country",
  Region: "region", Program: "program", Claim: "claim", Passage: "document",
};

/** The kind of each id that names a node of the graph. */
export async function kindsOf(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, EntityKind>> {
  const { records } = await tx.run("MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, labels(n) AS labels", { ids: [...new Set(ids)] });
  const kinds = new Map<string, EntityKind>();
  for (const r of records) {
    const label = (r.get("labels") as string[]).find((l) => l in KIND_OF);
    // A passage is no entity a fact may name: it is left out, so a reference to it is reported.
    if (label && label !== Label.Passage) kinds.set(r.get("id") as string, KIND_OF[label]!);
  }
  return kinds;
}

/** A document's text and passages, as the loader stored them; null when there is no such document. */
export async function documentText(tx: ManagedTransaction, documentId: string): Promise<DocumentText | null> {
  const { records } = await tx.run(
    `MATCH (d:Document {id: $id})
     RETURN d.text AS text, COLLECT { MATCH (p:Passage {documentId: $id}) RETURN p {.id, .ordinal, .start, .end, .text, .kind, .speakerId} AS p ORDER BY p.start } AS passages`,
    { id: documentId },
  );
  if (records.length === 0) return null;
  const passages = records[0]!.get("passages") as Array<{ id: string; ordinal: unknown; start: unknown; end: unknown; text: string; kind: PassageKind; speakerId: string | null }>;
  return {
    id: documentId,
    text: records[0]!.get("text") as string,
    passages: passages.map((p) => ({ ordinal: Number(p.ordinal), start: Number(p.start), end: Number(p.end), text: p.text, kind: p.kind, speakerId: p.speakerId ?? null })),
    passageIds: passages.map((p) => p.id),
  };
}

/** Every named entity's names, as the loader computes them from the same properties. */
export async function allForms(tx: ManagedTransaction): Promise<SurfaceForm[]> {
  const { records } = await tx.run(
    `MATCH (n:Entity) WHERE ${NAMED_LABELS.map((l) => `n:${l}`).join(" OR ")}
     RETURN n {.id, .name, .acronym, .aliases, .demonyms} AS n`,
  );
  return records.flatMap((r) => namesOf(r.get("n")));
}

/**
 * Recomputes the mentions of every document whose text holds one of `changed` (names added or
 * taken away), with every entity's names `forms`: the loader's rule (longest match wins), so a
 * new name can also end a shorter one's mentions. A document that holds none of them keeps its
 * mentions, which the new names cannot change.
 */
export async function refreshMentions(tx: ManagedTransaction, forms: readonly SurfaceForm[], changed: readonly string[]): Promise<number> {
  if (changed.length === 0) return 0;
  const { records } = await tx.run(
    "MATCH (d:Document) WHERE any(form IN $forms WHERE toLower(d.text) CONTAINS toLower(form)) RETURN d.id AS id",
    { forms: [...new Set(changed)] },
  );
  let written = 0;
  for (const record of records) {
    const doc = await documentText(tx, record.get("id") as string);
    if (!doc) continue;
    const rows = mentionRows(doc, forms).map((m) => relParams({ type: RelType.MENTIONS, from: m.from, to: m.to, props: { ...m.props, id: m.id } }));
    await tx.run(`MATCH (p:Passage {documentId: $id})-[m:${RelType.MENTIONS}]->() DELETE m`, { id: doc.id });
    await tx.run(createRels(RelType.MENTIONS, Label.Entity), { rows });
    written += rows.length;
  }
  return written;
}
