import type { Driver, ManagedTransaction } from "neo4j-driver";
import { Label } from "../graph/model.js";
import type { GraphPlan, NodeRow, RelRow } from "./plan.js";
import type { Logger } from "../shared/logger.js";

/** Domain labels a node may carry; removed before setting the current one, so a changed kind leaves no stale label. */
const DOMAIN_LABELS = Object.values(Label).filter((l) => l !== Label.Entity && l !== Label.Quantity);

// Labels and relationship types cannot be parameters in Cypher. They come from the fixed lists in
// graph/model.ts (checked by isSafeName), never from seed text.
export const isSafeName = (name: string) => /^[A-Z][A-Za-z_]*$/.test(name);

export function mergeNodes(label: string, entity: boolean): string {
  const key = entity ? "Entity" : label;
  const relabel = entity ? `REMOVE n:${DOMAIN_LABELS.join(":")} SET n:${label}` : "";
  return `UNWIND $rows AS row
MERGE (n:${key} {id: row.id})
SET n = row
${relabel}`;
}

export function createRels(type: string, toKey: string): string {
  return `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:${toKey} {id: row.to})
CREATE (a)-[r:${type}]->(b)
SET r = row.props`;
}

/** One unit of writing: the shared entities, or one document with everything anchored in it. */
export interface WriteUnit {
  /** "entities", or the document's folder: documents/<slug>/. */
  name: string;
  documentId: string | null;
  nodes: NodeRow[];
  rels: RelRow[];
  passageIds: string[];
}

/** A document whose transaction failed; the others were written. */
export class DocumentWriteError extends Error {
  override name = "DocumentWriteError";
  constructor(readonly failed: Array<{ unit: string; error: Error }>) {
    super(
      `${failed.length} document${failed.length === 1 ? "" : "s"} could not be written (the others were); fix and run npm run seed again:\n` +
        failed.map((f) => `  - ${f.unit}: ${f.error.message}`).join("\n"),
    );
  }
}

/** Told as the writing goes: units in order, and each unit's rows as they are written. */
export interface WriteProgress {
  start(units: ReadonlyArray<{ name: string; rows: number }>): void;
  advance(unit: string, rows: number): void;
  done(unit: string, summary: { nodes: number; rels: number; millis: number; error?: Error }): void;
}

/**
 * Splits the plan by where each row is anchored. Entities (people, organisations, places,
 * programs) are shared: any document may link to them, so they are written first, together.
 * Everything else belongs to one document: its document node, passages, event, claims and
 * quantities, and every relationship that has a passage, claim, event or quote of it at one end.
 */
export function writeUnits(plan: GraphPlan): WriteUnit[] {
  const docOf = new Map<string, string>();
  for (const n of plan.nodes) {
    if (n.label === Label.Document) docOf.set(n.props.id, n.props.id);
    if (n.label === Label.Passage) docOf.set(n.props.id, String(n.props.documentId));
  }
  for (const n of plan.nodes) if (n.label === Label.Claim) docOf.set(n.props.id, docOf.get(String(n.props.passageId))!);
  for (const n of plan.nodes) if (n.label === Label.Quantity) docOf.set(n.props.id, docOf.get(String(n.props.claimId))!);
  for (const r of plan.rels) if (r.type === "DOCUMENTED_BY") docOf.set(r.from, r.to);

  const shared: WriteUnit = { name: "entities", documentId: null, nodes: [], rels: [], passageIds: [] };
  const units = new Map(plan.documents.map((d) => [d.id, { name: `documents/${d.slug}/`, documentId: d.id, nodes: [], rels: [], passageIds: [] } as WriteUnit]));
  for (const n of plan.nodes) {
    const doc = docOf.get(n.props.id);
    const unit = doc ? units.get(doc)! : shared;
    unit.nodes.push(n);
    if (n.label === Label.Passage) unit.passageIds.push(n.props.id);
  }
  for (const r of plan.rels) {
    const doc = (typeof r.props.passageId === "string" ? docOf.get(r.props.passageId) : undefined) ?? docOf.get(r.from) ?? docOf.get(r.to);
    if (!doc) throw new Error(`${r.props.id}: a relationship anchored in no document`);
    units.get(doc)!.rels.push(r);
  }
  return [shared, ...units.values()];
}

/** Every relationship anchored in one document: quoted in it, or at one of its passages, claims or event. */
// A revision's CHANGED link to what it changed is the audit trail's, not the seed's: kept.
const DELETE_ANCHORED = [
  "MATCH ()-[r]->() WHERE r.passageId IN $passageIds DELETE r",
  "MATCH (p:Passage) WHERE p.id IN $passageIds MATCH (p)-[r]-() WHERE type(r) <> 'CHANGED' DELETE r",
  "MATCH (c:Claim) WHERE c.passageId IN $passageIds MATCH (c)-[r]-() WHERE type(r) <> 'CHANGED' DELETE r",
  "MATCH (:Document {id: $documentId})<-[:DOCUMENTED_BY]-(e:Event) MATCH (e)-[r]-() WHERE type(r) <> 'CHANGED' DELETE r",
  "MATCH (d:Document {id: $documentId})-[r]-() WHERE type(r) <> 'CHANGED' DELETE r",
];

/**
 * Writes the plan, which compileSeed has checked whole (a problem anywhere: nothing is written).
 * First, in one transaction, the shared entities, and the removal of nodes no longer in the seed
 * and of links quoted from passages no longer in it. Then each document in a transaction of its
 * own: its nodes merged on id (properties replaced), the relationships anchored in it rebuilt.
 * Rows go in UNWIND batches of BATCH. A document whose transaction fails is rolled back alone and
 * named (DocumentWriteError); the others are written. Loading the same seed twice gives the same
 * graph.
 */
export async function writePlan(driver: Driver, database: string, plan: GraphPlan, logger: Logger, progress?: WriteProgress): Promise<void> {
  const units = writeUnits(plan);
  const ids = plan.nodes.map((n) => n.props.id);
  const passageIds = units.flatMap((u) => u.passageIds);
  const quantityIds = new Set(plan.nodes.filter((n) => !n.entity).map((n) => n.props.id));
  progress?.start(units.map((u) => ({ name: u.name, rows: u.nodes.length + u.rels.length })));
  const failed: Array<{ unit: string; error: Error }> = [];
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    for (const unit of units) {
      const started = performance.now();
      try {
        await session.executeWrite(async (tx) => {
          await mergeAll(tx, unit.nodes, (n) => progress?.advance(unit.name, n));
          if (unit.documentId === null) {
            logger.info({ unit: unit.name }, "removing nodes and quoted links no longer in the seed");
            await tx.run("MATCH (n) WHERE (n:Entity OR n:Quantity) AND NOT n.id IN $ids DETACH DELETE n", { ids });
            await tx.run("MATCH ()-[r]->() WHERE r.passageId IS NOT NULL AND NOT r.passageId IN $passageIds DELETE r", { passageIds });
            return;
          }
          for (const statement of DELETE_ANCHORED) await tx.run(statement, { passageIds: unit.passageIds, documentId: unit.documentId });
          await createAll(tx, unit.rels, quantityIds, (n) => progress?.advance(unit.name, n));
        });
        const summary = { nodes: unit.nodes.length, rels: unit.rels.length, millis: Math.round(performance.now() - started) };
        logger.info({ unit: unit.name, ...summary }, "written");
        progress?.done(unit.name, summary);
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        progress?.done(unit.name, { nodes: 0, rels: 0, millis: Math.round(performance.now() - started), error: e });
        // Documents link to the shared entities: without them, writing documents is pointless.
        if (unit.documentId === null) throw e;
        failed.push({ unit: unit.name, error: e });
      }
    }
  } finally {
    await session.close();
  }
  if (failed.length > 0) throw new DocumentWriteError(failed);
}

/**
 * Writes compiled rows in a transaction already open: nodes merged on id (properties replaced),
 * then relationships created, as the loader writes a document's. A write through the API uses it
 * for the rows it compiled.
 */
export async function writeRows(tx: ManagedTransaction, nodes: NodeRow[], rels: RelRow[]): Promise<void> {
  await mergeAll(tx, nodes, () => {});
  await createAll(tx, rels, new Set(nodes.filter((n) => !n.entity).map((n) => n.props.id)), () => {});
}

/** Creates the relationships, a statement per type (and per key of the node they point at). */
async function createAll(tx: ManagedTransaction, rels: RelRow[], quantityIds: ReadonlySet<string>, advance: (rows: number) => void): Promise<void> {
  for (const [key, rows] of group(rels, (r) => `${r.type}|${quantityIds.has(r.to) ? Label.Quantity : Label.Entity}`)) {
    const [type, toKey] = key.split("|") as [string, string];
    if (!isSafeName(type)) throw new Error(`unsafe relationship type ${type}`);
    const written = await run(tx, createRels(type, toKey), rows.map(relParams), advance);
    if (written !== rows.length) throw new Error(`${type}: wrote ${written} of ${rows.length} relationships`);
  }
}

async function mergeAll(tx: ManagedTransaction, nodes: NodeRow[], advance: (rows: number) => void): Promise<void> {
  for (const [key, rows] of group(nodes, (n) => `${n.label}|${n.entity}`)) {
    const [label, entity] = key.split("|") as [string, string];
    if (!isSafeName(label)) throw new Error(`unsafe label ${label}`);
    await run(tx, mergeNodes(label, entity === "true"), rows.map((r) => defined(r.props)), advance);
  }
}

/** Rows per UNWIND statement. */
export const BATCH = 5000;

/** Runs an UNWIND query in batches; returns the relationships it created. */
async function run(tx: ManagedTransaction, cypher: string, rows: unknown[], advance: (rows: number) => void = () => {}): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const result = await tx.run(cypher, { rows: batch });
    created += result.summary.counters.updates().relationshipsCreated;
    advance(batch.length);
  }
  return created;
}

export function relParams(r: RelRow) {
  return { from: r.from, to: r.to, props: defined(r.props) };
}

/** Neo4j stores no nulls: an absent value is an absent property. */
export function defined(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export type { NodeRow };
