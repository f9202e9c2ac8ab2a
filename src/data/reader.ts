import DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import type { Config } from "../config/config.js";
import type { RequestDb } from "../db/request-db.js";
import type { Logger } from "../shared/logger.js";
import type { FieldPlan, Plan, ReadModel } from "./model.js";

export interface ReadStats {
  /** Fields read through their own loader while the planner is on (0 when everything was planned). */
  fallbacks: number;
}

/**
 * How resolvers read the graph, per request.
 *
 * - `root(info)`: a root field. With the planner on (READ_PLANNER, the default), its whole
 *   selection is one Cypher query and every field below is answered from that value. Off, only its
 *   first level is read; every relation below goes through `field`.
 * - `field(parent, info)`: a relation or connection field read on its own, through a per-request
 *   DataLoader per field (one `UNWIND $keys` query per level, whatever the number of parents).
 *   With the planner off this is every relation: the plain path the planner is compared against.
 *   With it on, only fields of objects the planner did not build (a graph view's
 *   evidence) come here: each such read is counted and logged as a fallback.
 *
 * Lifetime: one request, like its loaders.
 */
export class Reader {
  readonly stats: ReadStats = { fallbacks: 0 };
  /**
   * Loaders by field plan, then argument values. Keyed by the plan, not its Cypher text: two
   * selections of one field can send the same query yet build different values (one asks for
   * `pageInfo`, the other does not).
   */
  private readonly loaders = new Map<FieldPlan, Map<string, DataLoader<string, unknown>>>();

  constructor(
    private readonly model: ReadModel,
    private readonly db: RequestDb,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {}

  get planning(): boolean {
    return this.config.READ_PLANNER === "on";
  }

  async root(info: GraphQLResolveInfo): Promise<unknown> {
    let plan = this.model.rootPlan(info, !this.planning);
    let params: ReturnType<Plan["bind"]>;
    try {
      params = plan.bind(info.variableValues, this.config);
    } catch (error) {
      // A bad argument somewhere below: read level by level instead, so the error is reported
      // at its own field, exactly as the plain path reports it.
      if (!this.planning) throw error;
      plan = this.model.rootPlan(info, true);
      params = plan.bind(info.variableValues, this.config);
    }
    if (this.planning) this.noteUnplanned(plan);
    this.logger.trace({ cypher: plan.cypher }, "root field query");
    const result = await this.db.read(plan.cypher, params.sent);
    return plan.build(result.records[0]?.get("value") ?? null, params.values);
  }

  async field(parent: object, info: GraphQLResolveInfo): Promise<unknown> {
    const fieldPlan = this.model.fieldPlan(info);
    const key = fieldPlan.keyOf(parent as Record<string, unknown>);
    if (key === null) return fieldPlan.missing;
    const params = fieldPlan.plan.bind(info.variableValues, this.config);
    if (this.planning) {
      this.stats.fallbacks += 1;
      this.logger.debug({ field: `${info.parentType.name}.${info.fieldName}` }, "read through its loader, not planned");
    }
    return this.loader(fieldPlan, params).load(key);
  }

  /** One loader per field plan and argument values: parents of one level batch together. */
  private loader(fieldPlan: FieldPlan, params: ReturnType<Plan["bind"]>): DataLoader<string, unknown> {
    let byValues = this.loaders.get(fieldPlan);
    if (!byValues) this.loaders.set(fieldPlan, (byValues = new Map()));
    const id = JSON.stringify(params.values);
    let loader = byValues.get(id);
    if (!loader) {
      loader = new DataLoader<string, unknown>(async (keys) => {
        const result = await this.db.read(fieldPlan.plan.cypher, { ...params.sent, keys: [...keys] });
        const byKey = new Map<string, unknown>();
        for (const record of result.records) byKey.set(String(record.get("key")), fieldPlan.plan.build(record.get("value"), params.values));
        return keys.map((k) => (byKey.has(k) ? byKey.get(k) : fieldPlan.missing));
      });
      byValues.set(id, loader);
    }
    return loader;
  }

  private noteUnplanned(plan: Plan): void {
    if (plan.unplanned.length > 0) this.logger.debug({ fields: plan.unplanned }, "fields without a read declaration");
  }
}
