import "reflect-metadata";
import { graphql, type GraphQLSchema } from "graphql";
import type { Driver, ProfiledPlan, QueryResult, RecordShape } from "neo4j-driver";
import type { Config } from "../src/config/config.js";
import type { Logger } from "../src/shared/logger.js";
import { RequestDb } from "../src/db/request-db.js";
import { Reader } from "../src/data/reader.js";
import type { ReadModel } from "../src/data/model.js";
import { createSchema } from "../src/server/schema.js";
import type { Shape } from "./shapes.js";

/** A query's PROFILE: its db hits (summed over the plan) and the operators that read the most. */
export interface Profiled {
  cypher: string;
  dbHits: number;
  rows: number;
  /** Operators by db hits, most first: `NodeIndexSeek 3`, `Expand(All) 120`, … */
  top: string[];
  /** Every operator of the plan, in plan order. */
  operators: string[];
}

/** A request's database, with every query it sends run under PROFILE and its plan kept. */
class ProfilingDb extends RequestDb {
  readonly profiles: Profiled[] = [];
  override async read<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult<R>> {
    const result = await super.read<R>(`PROFILE ${cypher}`, params);
    this.profiles.push(summarise(cypher, result.summary.profile as ProfiledPlan));
    return result;
  }
}

export function summarise(cypher: string, plan: ProfiledPlan): Profiled {
  const ops: Array<[string, number]> = [];
  const operators: string[] = [];
  let dbHits = 0;
  const walk = (p: ProfiledPlan) => {
    dbHits += p.dbHits;
    const name = p.operatorType.replace(/@neo4j$/, "");
    operators.push(name);
    ops.push([`${name}${p.arguments?.Details ? ` ${String(p.arguments.Details).slice(0, 60)}` : ""}`, p.dbHits]);
    p.children.forEach(walk);
  };
  walk(plan);
  ops.sort((a, b) => b[1] - a[1]);
  return { cypher, dbHits, rows: plan.rows, top: ops.slice(0, 4).map(([o, n]) => `${o}: ${n}`), operators };
}

/**
 * Runs this API's operations in-process against the same Neo4j, with the request's queries under
 * PROFILE: the db hits each shape costs, and whether its plan seeks, scans, sorts or limits.
 */
export class OurProfiler {
  private constructor(
    private readonly schema: GraphQLSchema,
    private readonly model: ReadModel,
    private readonly driver: Driver,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {}

  static async create(driver: Driver, config: Config, logger: Logger): Promise<OurProfiler> {
    const { schema, model } = await createSchema();
    return new OurProfiler(schema, model, driver, config, logger);
  }

  async profile(shape: Shape): Promise<Profiled[]> {
    const db = new ProfilingDb(this.driver, this.config.NEO4J_DATABASE);
    const context = { requestId: "profile", config: this.config, logger: this.logger, db, read: new Reader(this.model, db, this.config, this.logger) };
    try {
      const result = await graphql({ schema: this.schema, source: shape.ours, contextValue: context });
      if (result.errors) throw new Error(`${shape.name}: ${JSON.stringify(result.errors)}`);
    } finally {
      await db.close();
    }
    return db.profiles;
  }
}

/** The floor's one query for a shape, under PROFILE. */
export async function profileFloor(driver: Driver, database: string, shape: Shape): Promise<Profiled> {
  const result = await driver.executeQuery(`PROFILE ${shape.floor}`, shape.params, { database, routing: "READ" });
  return summarise(shape.floor, result.summary.profile as ProfiledPlan);
}
