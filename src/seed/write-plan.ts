import type { Driver, ManagedTransaction } from "neo4j-driver";
import { Label } from "../graph/model.js";
import type { GraphPlan, NodeRow, RelRow } from "./plan.js";
import type { Logger } from "../shared/logger.js";

/** Domain labels a node may carry; removed before setting the current one, so a changed kind leaves no stale label. */
const DOMAIN_LABELS = Object.values(Label).filter((l) => l !== Label.Entity && l !== Label.Quantity);

// Labels and relationship types cannot be parameters in Cypher. They come from the fixed lists in
// graph/model.ts (checked by isSafeName), never from seed text.
const isSafeName = (name: string) => /^[A-Z][A-Za-z_]*$/.test(name);

function mergeNodes(label: string, entity: boolean): string {
  const key = entity ? "Entity" : label;
  const relabel = entity ? `REMOVE n:${DOMAIN_LABELS.join(":")} SET n:${label}` : "";
  return `UNWIND $rows AS row
MERGE (n:${key} {id: row.id})
SET n = row
${relabel}`;
}

function createRels(type: string, toKey: string): string {
  return `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:${toKey} {id: row.to})
CREATE (a)-[r:${type}]->(b)
SET r = row.props`;
}

/**
 * Writes the plan in one write transaction: nodes merged on id (properties replaced), every
 * relationship among seed nodes rebuilt, and nodes no longer in the seed removed. Loading the same
 * seed twice gives the same graph; a failure rolls everything back.
 */
export async function writePlan(driver: Driver, database: string, plan: GraphPlan, logger: Logger): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    await session.executeWrite(async (tx) => {
      const ids = plan.nodes.map((n) => n.props.id);
      logger.info({ step: "nodes", count: plan.nodes.length }, "merging nodes");
      for (const [key, rows] of group(plan.nodes, (n) => `${n.label}|${n.entity}`)) {
        const [label, entity] = key.split("|") as [string, string];
        if (!isSafeName(label)) throw new Error(`unsafe label ${label}`);
        await run(tx, mergeNodes(label, entity === "true"), rows.map((r) => defined(r.props)));
      }

      logger.info({ step: "cleanup" }, "removing relationships and nodes no longer in the seed");
      await tx.run("MATCH (n) WHERE n:Entity OR n:Quantity MATCH (n)-[r]-() DELETE r");
      await tx.run("MATCH (n) WHERE (n:Entity OR n:Quantity) AND NOT n.id IN $ids DETACH DELETE n", { ids });

      logger.info({ step: "relationships", count: plan.rels.length }, "creating relationships");
      const quantityIds = new Set(plan.nodes.filter((n) => !n.entity).map((n) => n.props.id));
      for (const [key, rows] of group(plan.rels, (r) => `${r.type}|${quantityIds.has(r.to) ? Label.Quantity : Label.Entity}`)) {
        const [type, toKey] = key.split("|") as [string, string];
        if (!isSafeName(type)) throw new Error(`unsafe relationship type ${type}`);
        const written = await run(tx, createRels(type, toKey), rows.map(relParams));
        if (written !== rows.length) throw new Error(`${type}: wrote ${written} of ${rows.length} relationships`);
      }
    });
  } finally {
    await session.close();
  }
}

const BATCH = 1000;

/** Runs an UNWIND query in batches; returns the relationships it created. */
async function run(tx: ManagedTransaction, cypher: string, rows: unknown[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const result = await tx.run(cypher, { rows: rows.slice(i, i + BATCH) });
    created += result.summary.counters.updates().relationshipsCreated;
  }
  return created;
}

function relParams(r: RelRow) {
  return { from: r.from, to: r.to, props: defined(r.props) };
}

/** Neo4j stores no nulls: an absent value is an absent property. */
function defined(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && v !== undefined));
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

export type { NodeRow };
