import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLSchema } from "graphql";
import { projectRoot } from "../../src/config/config.js";
import { buildBareSchema } from "../../src/server/schema.js";
import { startTestServer, type GraphQLResponse, type TestServer } from "../support/test-server.js";
import { generateOperation, prng } from "../support/operations.js";

/**
 * The planner (one Cypher query per root field) against the plain path (READ_PLANNER=off: every
 * relation through its batched loader, level by level): the same operation must get the same
 * answer, JSON for JSON, errors included. Operations are generated from the schema with a seeded
 * PRNG; set PLANNER_SEED to replay a run, PLANNER_OPERATIONS to run more.
 */
const SEED = Number(process.env.PLANNER_SEED ?? Date.now() % 1_000_000);
const OPERATIONS = Number(process.env.PLANNER_OPERATIONS ?? 1000);

/** Root fields the read model answers (search, views, exports and health have queries of their own). */
const PLANNED_ROOTS = ["node", "person", "organisation", "country", "program", "speakers", "organisations", "countries", "programs", "events", "claims", "search"];

/** The shapes that once failed, and one of each kind of root. */
const SHAPES = [
  `{ country(id: "country:KZ") { programs { role program { id name participants { role participant { id } } } } } }`,
  `{ organisation(id: "org:unicef") { programs { program { participants { role participant { id ... on Country { name programs { program { id } } } } } } } } }`,
  `{ countries { edges { node { programs { program { participants { role participant { id } } } } } } } }`,
];

/** The README's GraphQL recipes, exactly as written there. */
export function readmeRecipes(): string[] {
  const readme = fs.readFileSync(path.join(projectRoot, "README.md"), "utf8");
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

function timing(response: GraphQLResponse, name: "db" | "fallback"): number {
  const header = response.headers.get("server-timing") ?? "";
  const match = new RegExp(`${name};desc="(\\d+)`).exec(header);
  if (!match) throw new Error(`no ${name} timing in Server-Timing: ${header}`);
  return Number(match[1]);
}

describe("the read planner answers as the plain path does", () => {
  let planned: TestServer;
  let plain: TestServer;
  let schema: GraphQLSchema;
  let ids: Record<string, string[]>;

  beforeAll(async () => {
    // Answers are compared, not speed: a cold plan on a loaded machine may take longer than the default read timeout.
    planned = await startTestServer({ READ_PLANNER: "on", READ_TIMEOUT_MS: "60000" });
    plain = await startTestServer({ READ_PLANNER: "off", READ_TIMEOUT_MS: "60000" });
    schema = await buildBareSchema();
    const { records } = await planned.driver.executeQuery(
      "MATCH (n:Entity) WITH labels(n) AS labels, n.id AS id ORDER BY id RETURN [l IN labels WHERE l <> 'Entity'][0] AS type, collect(id) AS ids",
      {},
      { database: planned.config.NEO4J_DATABASE },
    );
    ids = Object.fromEntries(records.map((r) => [r.get("type") as string, r.get("ids") as string[]]));
  });
  afterAll(async () => {
    await planned?.close();
    await plain?.close();
  });

  /** Wall time of each side, to show where a slow run spends it. */
  const spent = { planned: 0, plain: 0 };
  const timed = async (server: TestServer, side: keyof typeof spent, query: string, variables: Record<string, unknown>) => {
    const started = performance.now();
    const response = await server.gql(query, variables);
    spent[side] += performance.now() - started;
    return response;
  };

  /** The body without `extensions.requestId`, which names each request's log entry and so always differs. */
  const comparable = (body: GraphQLResponse["body"]) => ({
    ...body,
    ...(body.errors ? { errors: body.errors.map(({ extensions, ...error }) => ({ ...error, extensions: { ...extensions, requestId: undefined } })) } : {}),
  });

  async function compare(query: string, variables: Record<string, unknown> = {}) {
    const [a, b] = await Promise.all([timed(planned, "planned", query, variables), timed(plain, "plain", query, variables)]);
    try {
      expect(a.status).toBe(b.status);
      expect(comparable(a.body)).toEqual(comparable(b.body));
    } catch (error) {
      console.error(`The planner and the plain path differ on:\n${query}\nvariables: ${JSON.stringify(variables)}\nseed: ${SEED}`);
      throw error;
    }
    return a;
  }

  it("answers the traversals that once failed, in one query each", async () => {
    for (const shape of SHAPES) {
      const response = await compare(shape);
      expect(response.body.errors).toBeUndefined();
      expect(timing(response, "db")).toBe(1);
      expect(timing(response, "fallback")).toBe(0);
    }
  });

  it("answers every README recipe as the plain path does, with no fallback", async () => {
    const recipes = readmeRecipes();
    expect(recipes.length).toBeGreaterThan(5);
    for (const recipe of recipes) {
      const response = await compare(recipe);
      expect(response.body.errors, recipe).toBeUndefined();
      expect(timing(response, "fallback"), recipe).toBe(0);
    }
  });

  it(`answers ${OPERATIONS} generated operations as the plain path does (seed ${SEED})`, { timeout: 600_000 }, async () => {
    console.log(`[planner] generated operations: seed ${SEED} (PLANNER_SEED=${SEED} replays them)`);
    const random = prng(SEED);
    const operations = Array.from({ length: OPERATIONS }, () => generateOperation(schema, random, { roots: PLANNED_ROOTS, ids, maxDepth: 5 }));
    let answered = 0;
    let next = 0;
    const worker = async () => {
      while (next < operations.length) {
        const op = operations[next++]!;
        const response = await compare(op.query, op.variables);
        if (response.body.data && !response.body.errors) answered++;
        if (response.body.data && !response.body.errors && !op.outOfBounds) {
          // One query per root field, whatever the depth and the page sizes: nothing falls back.
          expect(timing(response, "fallback"), `${op.query}\nvariables: ${JSON.stringify(op.variables)}`).toBe(0);
          expect(timing(response, "db"), op.query).toBeLessThanOrEqual(op.plannedRoots);
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    console.log(`[planner] ${answered} of ${OPERATIONS} operations answered without errors, the rest refused alike; time spent: planner ${Math.round(spent.planned)} ms, plain path ${Math.round(spent.plain)} ms`);
    // Most operations are valid and answer: the comparison is not only of identical refusals.
    expect(answered).toBeGreaterThan(OPERATIONS * 0.6);
  });
});
