import { createHash } from "node:crypto";
import type { ManagedTransaction } from "neo4j-driver";
import type { Context } from "../../data/context.js";
import { CURATED_ENTRY } from "../../seed/curated.js";
import { defined } from "../../seed/write-plan.js";
import { requireRole } from "../../auth/roles.js";
import { assertKeyActive } from "../../auth/keys.js";
import type { Caller, Role } from "../../shared/caller.js";
import { conflict } from "../../shared/errors.js";
import { RevisionAction, type CurationResult, type Revision } from "./revision.type.js";

/** What a write did, as its revision records it. */
export interface WriteOutcome {
  factId: string;
  factType: string;
  documentId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Entities the write touched that are still in the graph: each gets the revision in its `history`. */
  subjects: string[];
}

export interface WriteSpec {
  action: RevisionAction;
  /** The least role that may make it. */
  role: Role;
  reason?: string | null;
  /** For a write to an existing fact: the fact, and the revision the writer read it at. */
  expected?: { factId: string; revision: number | null | undefined };
  /** The request's Idempotency-Key, and what identifies this write within the request. */
  idempotency?: { key: string; request: unknown } | null;
}

/** The one counter every write locks first: writes commit one at a time, numbered in that order. */
const NEXT_REVISION = `MERGE (c:CurationCounter {id: 'revisions'}) ON CREATE SET c.last = 0
SET c.last = c.last + 1 RETURN c.last AS number`;

const UNDO_REVISION = "MATCH (c:CurationCounter {id: 'revisions'}) SET c.last = c.last - 1";

const LATEST_REVISION = "MATCH (r:Revision {factId: $factId}) RETURN max(r.number) AS number";

const CREATE_REVISION = `CREATE (r:Revision)
SET r = $revision
WITH r
CALL (r) { UNWIND $subjects AS id MATCH (n:Entity {id: id}) CREATE (r)-[:CHANGED]->(n) }
RETURN r {.*} AS r`;

/**
 * Runs one write: the caller's role checked, then one write transaction that locks the revision
 * counter (so writes are serialised in revision order, and the checks below cannot race), checks
 * the key is still active, answers a retried Idempotency-Key with the write it made, refuses a
 * stale `expectedRevision` with CONFLICT, applies the change (`apply`, which refuses bad input by
 * throwing: nothing is written then) and records the revision. Commits whole or not at all.
 */
export async function runWrite(ctx: Context, spec: WriteSpec, apply: (tx: ManagedTransaction, revision: number, caller: Caller) => Promise<WriteOutcome>): Promise<CurationResult> {
  const caller = requireRole(ctx.caller, spec.role);
  const idempotencyKey = spec.idempotency ? `${caller.keyId}:${spec.idempotency.key}` : null;
  const requestHash = spec.idempotency ? createHash("sha256").update(JSON.stringify(spec.idempotency.request)).digest("hex") : null;
  return ctx.db.write(async (tx) => {
    const number = Number((await tx.run(NEXT_REVISION)).records[0]!.get("number"));
    // Writing the key's node takes its lock: a revocation (which writes it too) commits before
    // this write or after it, never between the check and the commit.
    await tx.run("MATCH (k:ApiKey {id: $id}) SET k.lastWriteAt = $now", { id: caller.keyId, now: new Date().toISOString() });
    await assertKeyActive(tx, caller.keyId);
    if (idempotencyKey) {
      const { records } = await tx.run("MATCH (r:Revision {idempotencyKey: $key}) RETURN r {.*} AS r", { key: idempotencyKey });
      if (records.length > 0) {
        const prior = records[0]!.get("r") as Record<string, unknown>;
        if (prior.requestHash !== requestHash) {
          throw conflict("This Idempotency-Key was already used for another write: use a new key for a new write.", { idempotencyKey: spec.idempotency!.key });
        }
        await tx.run(UNDO_REVISION);
        const revision = revisionOf(prior);
        return { revision, factId: revision.factId, replayed: true };
      }
    }
    if (spec.expected && spec.expected.revision !== null && spec.expected.revision !== undefined) {
      const latest = Number((await tx.run(LATEST_REVISION, { factId: spec.expected.factId })).records[0]!.get("number") ?? 0);
      if (latest !== spec.expected.revision) {
        throw conflict(
          `${spec.expected.factId} was changed by revision ${latest} after revision ${spec.expected.revision}, which this write expected: read it again (history) and decide.`,
          { factId: spec.expected.factId, expectedRevision: spec.expected.revision, currentRevision: latest },
        );
      }
    }
    const outcome = await apply(tx, number, caller);
    const stored = defined({
      number,
      at: new Date().toISOString(),
      actor: caller.name,
      role: caller.role,
      keyId: caller.keyId,
      action: spec.action,
      factId: outcome.factId,
      factType: outcome.factType,
      documentId: outcome.documentId,
      reason: spec.reason ?? null,
      before: outcome.before ? JSON.stringify(outcome.before) : null,
      after: outcome.after ? JSON.stringify(outcome.after) : null,
      idempotencyKey,
      requestHash,
    });
    const { records } = await tx.run(CREATE_REVISION, { revision: stored, subjects: [...new Set(outcome.subjects)] });
    return { revision: revisionOf(records[0]!.get("r")), factId: outcome.factId, replayed: false };
  });
}

/** A stored revision as the API shows it. */
export function revisionOf(r: Record<string, any>): Revision {
  return {
    number: Number(r.number),
    at: r.at,
    actor: r.actor,
    role: r.role,
    action: r.action,
    factId: r.factId,
    factType: r.factType,
    documentId: r.documentId ?? null,
    reason: r.reason ?? null,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
  };
}

/**
 * Stores a curated fact, retraction or edit: what a reseed reads back (seed/curated.ts). Its own id
 * is its revision's (a fact retracted and added again has two entries); `factId` names the fact.
 */
export async function storeCurated(tx: ManagedTransaction, entry: { factId: string; revision: number } & Record<string, unknown>): Promise<void> {
  await tx.run(`CREATE (c:${CURATED_ENTRY}) SET c = $entry`, { entry: defined({ status: "active", ...entry, id: `curated:${entry.revision}` }) });
}

/** The active curated entry that added a fact (not a retraction or an edit of it), if any. */
export const ACTIVE_FACT_ENTRY = `MATCH (c:${CURATED_ENTRY} {factId: $id, status: 'active'}) WHERE c.kind IN ['definition', 'extension', 'claim']`;

/** A node's or relationship's stored properties, without the index helpers: what a revision keeps. */
export function snapshot(props: Record<string, unknown>): Record<string, unknown> {
  const { searchText: _s, foldedNames: _f, ...rest } = props;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, typeof v === "object" && v && "toNumber" in v ? (v as { toNumber(): number }).toNumber() : v]));
}
