import type { ManagedTransaction } from "neo4j-driver";
import { Label, NAMED_LABELS, RelType } from "../../graph/model.js";
import { roleAtLeast, type Caller } from "../../shared/caller.js";
import { forbidden } from "../../shared/errors.js";
import { namesOf } from "../../seed/compile-facts.js";
import type { RetractInput } from "./curation.inputs.js";
import { allForms, refreshMentions } from "./graph-facts.js";
import { InputSource, refused } from "./input-source.js";
import { ACTIVE_FACT_ENTRY, snapshot, storeCurated, type WriteOutcome } from "./write-path.js";

/** A link's id as the loader makes it: `from-TYPE->to`, `#n` when several. */
const LINK_ID = /^(.+?)-([A-Z_]+)->(.+?)(?:#\d+)?$/;

/** Relationships that are facts with a quote (computed ones, MENTIONS and SAID, are not retracted: their names and turns are). */
const QUOTED_LINK = (type: string) => !([RelType.MENTIONS, RelType.SAID] as string[]).includes(type);

/**
 * Takes a fact out of the graph: a link, a claim (with its figures), or an entity added through
 * the API that nothing links any more. The revision keeps it as it was. A curator retracts only
 * what their key added; an editor anything. A seed fact's retraction is itself stored, so a reseed
 * leaves the fact out while the seed file still has it with the same quote.
 */
export async function retract(tx: ManagedTransaction, input: RetractInput, revision: number, caller: Caller): Promise<WriteOutcome> {
  const source = new InputSource(() => "id");
  const found = await findFact(tx, input.id);
  if (!found) throw refused([source.problemAt([], `no fact ${input.id} in the graph (an entity, a claim or a link id)`)]);
  const curated = (await tx.run(`${ACTIVE_FACT_ENTRY} RETURN c.keyId AS keyId`, { id: input.id })).records[0];
  if (!roleAtLeast(caller.role, "editor") && curated?.get("keyId") !== caller.keyId) {
    throw forbidden(`${input.id} was not added with your key: retracting it needs the editor role (yours: ${caller.role})`);
  }
  const note = `revision ${revision}: ${input.reason}`;
  let outcome: WriteOutcome;
  if (found.kind === "link") {
    if (!QUOTED_LINK(found.type)) throw refused([source.problemAt([], `${input.id} is computed from the text (${found.type}), not curated: change the names or turns it comes from`)]);
    await tx.run("MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE r.id = $id DELETE r", { from: found.from, to: found.to, id: input.id });
    outcome = { factId: input.id, factType: found.type, documentId: await documentOfPassage(tx, found.props.passageId), before: { type: found.type, from: found.from, to: found.to, ...found.props }, after: null, subjects: [found.from, found.to] };
  } else if (found.label === Label.Claim) {
    const { records } = await tx.run(
      `MATCH (c:Claim {id: $id})
       WITH c, [(c)-[:ABOUT]->(a) | a.id] AS about, [(c)-[:HAS_QUANTITY]->(q) | q {.*}] AS quantities
       OPTIONAL MATCH (c)-[:HAS_QUANTITY]->(q)
       DETACH DELETE c, q
       RETURN about, quantities`,
      { id: input.id },
    );
    const about = records[0]!.get("about") as string[];
    const quantities = (records[0]!.get("quantities") as Array<Record<string, unknown>>).map(snapshot);
    outcome = { factId: input.id, factType: Label.Claim, documentId: await documentOfPassage(tx, found.props.passageId), before: { ...found.props, about, quantities }, after: null, subjects: [String(found.props.speakerId), ...about] };
  } else if ((NAMED_LABELS as readonly string[]).includes(found.label)) {
    if (!curated) throw refused([source.problemAt([], `${input.id} is defined in the seed files: remove it there (through review), or retract its links and claims`)]);
    const { records } = await tx.run(
      "MATCH (n:Entity {id: $id})-[r]-(other) WHERE NOT type(r) IN ['MENTIONS', 'CHANGED'] RETURN collect(DISTINCT coalesce(r.id, other.id))[..10] AS links",
      { id: input.id },
    );
    const links = records[0]!.get("links") as string[];
    if (links.length > 0) throw refused([source.problemAt([], `${input.id} is still linked (${links.join(", ")}): retract its links and claims first`)]);
    const gone = namesOf(found.props as { id: string }).map((f) => f.form);
    await tx.run("MATCH (n:Entity {id: $id}) DETACH DELETE n", { id: input.id });
    // Its names no longer take their words: a shorter name of another entity may now be the mention.
    await refreshMentions(tx, await allForms(tx), gone);
    outcome = { factId: input.id, factType: found.label, documentId: null, before: snapshot(found.props), after: null, subjects: [] };
  } else {
    throw refused([source.problemAt([], `${input.id} is a ${found.label}: documents, passages and events change with the seed files, not through the API`)]);
  }
  if (curated) await tx.run(`${ACTIVE_FACT_ENTRY} SET c.status = 'retracted', c.retractedIn = $revision`, { id: input.id, revision });
  else await storeCurated(tx, { kind: "retraction", factId: input.id, quote: (outcome.before?.quote ?? outcome.before?.text ?? null) as string | null, note, revision, keyId: caller.keyId });
  return outcome;
}

type Found = { kind: "node"; label: string; props: Record<string, any> } | { kind: "link"; type: string; from: string; to: string; props: Record<string, unknown> };

async function findFact(tx: ManagedTransaction, id: string): Promise<Found | null> {
  const node = await tx.run("MATCH (n:Entity {id: $id}) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n {.*} AS props", { id });
  if (node.records.length > 0) return { kind: "node", label: node.records[0]!.get("label"), props: node.records[0]!.get("props") };
  const parts = LINK_ID.exec(id);
  if (!parts) return null;
  const [, from, type, to] = parts as unknown as [string, string, string, string];
  const link = await tx.run("MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE r.id = $id RETURN type(r) AS type, r {.*} AS props", { from, to, id });
  if (link.records.length === 0 || link.records[0]!.get("type") !== type) return null;
  return { kind: "link", type, from, to, props: snapshot(link.records[0]!.get("props")) };
}

async function documentOfPassage(tx: ManagedTransaction, passageId: unknown): Promise<string | null> {
  const { records } = await tx.run("MATCH (p:Passage {id: $id}) RETURN p.documentId AS id", { id: passageId ?? null });
  return (records[0]?.get("id") as string | undefined) ?? null;
}
