import type { ManagedTransaction } from "neo4j-driver";
import { Label } from "../../graph/model.js";
import { countryRow, namesOf, organisationRow, personRow, programRow, regionRow } from "../../seed/compile-facts.js";
import { schemaOf, type CuratedSection } from "../../seed/curated.js";
import type { Problem } from "../../seed/problems.js";
import type { NodeRow } from "../../seed/plan.js";
import { ambiguousForms } from "../../seed/text/gazetteer.js";
import { validateEntry } from "../../seed/validate.js";
import { writeRows } from "../../seed/write-plan.js";
import type { Caller } from "../../shared/caller.js";
import type { UpdateEntityInput } from "./curation.inputs.js";
import { allForms, refreshMentions } from "./graph-facts.js";
import { InputSource, refused } from "./input-source.js";
import { snapshot, storeCurated, type WriteOutcome } from "./write-path.js";

/** Each named label: the seed section its definitions are in, and the row the loader makes of one. */
const NAMED: Record<string, { section: CuratedSection; row: (value: any) => NodeRow["props"] }> = {
  [Label.Person]: { section: "people", row: personRow },
  [Label.Organisation]: { section: "organisations", row: organisationRow },
  [Label.Country]: { section: "countries", row: countryRow },
  [Label.Region]: { section: "regions", row: regionRow },
  [Label.Program]: { section: "programs", row: programRow },
};

const EDITABLE = ["name", "aliases", "acronym", "title", "honorific", "description"] as const;

/**
 * Changes an entity's names or descriptive fields: its definition as the graph holds it, edited,
 * checked by the definition's seed schema, and made into the node row the loader would make of it.
 * Mentions are recomputed where the old or the new names occur. The edit is stored, so a reseed
 * applies it over the seed file's definition.
 */
export async function updateEntity(tx: ManagedTransaction, input: UpdateEntityInput, revision: number, caller: Caller): Promise<WriteOutcome> {
  const source = new InputSource((at) => String(at[0] ?? "id"));
  const { records } = await tx.run("MATCH (n:Entity {id: $id}) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n {.*} AS props", { id: input.id });
  const label = records[0]?.get("label") as string | undefined;
  const kind = label ? NAMED[label] : undefined;
  if (!kind) throw refused([source.problemAt(["id"], label ? `${input.id} is a ${label}: only people, organisations, places and programs are edited this way` : `no entity ${input.id} in the graph`)]);
  const before = records[0]!.get("props") as Record<string, unknown>;
  const changes = Object.fromEntries(EDITABLE.filter((f) => input[f] !== null && input[f] !== undefined).map((f) => [f, input[f]]));
  if (Object.keys(changes).length === 0) throw refused([source.problemAt(["id"], `nothing to change: give one of ${EDITABLE.join(", ")}`)]);
  const schema = schemaOf(kind.section, "definition") as unknown as { shape: Record<string, unknown> };
  const definition = Object.fromEntries(Object.keys(schema.shape).filter((k) => before[k] !== null && before[k] !== undefined).map((k) => [k, before[k]]));
  const problems: Problem[] = [];
  const value = validateEntry(source, [], { ...definition, ...changes }, schemaOf(kind.section, "definition"), problems);
  if (!value) throw refused(problems);
  const row = kind.row(value);
  const others = (await allForms(tx)).filter((f) => f.entityId !== input.id);
  const forms = [...others, ...namesOf(row)];
  const clash = ambiguousForms(forms).filter((a) => a.entityIds.includes(input.id));
  if (clash.length > 0) throw refused(clash.map((a) => source.problemAt(["aliases"], `"${a.form}" already names ${a.entityIds.filter((e) => e !== input.id).join(", ")}: mentions would be ambiguous`)));
  await writeRows(tx, [{ label: label as Label, entity: true, props: row }], []);
  // Mentions change only when names do: a new title or description leaves them as they are.
  const oldNames = namesOf(before as NodeRow["props"]).map((f) => f.form);
  const newNames = namesOf(row).map((f) => f.form);
  if (oldNames.join("\n") !== newNames.join("\n")) await refreshMentions(tx, forms, [...oldNames, ...newNames]);
  await storeCurated(tx, { kind: "edit", factId: input.id, changes: JSON.stringify(changes), revision, keyId: caller.keyId });
  return { factId: input.id, factType: label!, documentId: null, before: snapshot(before), after: snapshot(row), subjects: [input.id] };
}
