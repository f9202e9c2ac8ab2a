import "reflect-metadata";
import Cypher from "@neo4j/cypher-builder";
import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../../src/data/context.js";
import { relation, nodeOf, type Sources } from "../../src/data/source.js";
import { byNameId } from "../../src/data/patterns.js";
import { Label, RelType } from "../../src/graph/model.js";
import { Person } from "../../src/modules/person/person.type.js";
import { Program } from "../../src/modules/program/program.type.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * docs/architecture.md, "Recipe: add a relation", followed step by step for a field the API does
 * not have: `Program.claimants`, the people who made a claim about a program. If the recipe stops
 * being enough (a registry to update, a second place to declare), this test fails.
 */

// Step 1: declare it, with cypher-builder, under the GraphQL type and field name.
const claimantRelations: Sources = {
  Program: {
    claimants: relation({
      rows: (scope) => {
        const person = new Cypher.Node();
        const pattern = new Cypher.Pattern(nodeOf(scope))
          .related({ type: RelType.ABOUT, direction: "left" })
          .to({ labels: [Label.Claim] })
          .related({ type: RelType.MADE, direction: "left" })
          .to(person, { labels: [Label.Person] });
        const clause = Cypher.utils.concat(new Cypher.Match(pattern), new Cypher.With(person).distinct().orderBy(...byNameId(person)));
        return { clause, scope: { node: person } };
      },
    }),
  },
};

// Step 2: the GraphQL field, delegating to the read model.
@Resolver(() => Program)
class ProgramClaimantsResolver {
  @FieldResolver(() => [Person])
  claimants(@Root() program: Program, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(program, info);
  }
}

const extension = { resolvers: [ProgramClaimantsResolver], relations: claimantRelations };

describe("the recipe for adding a relation", () => {
  let planned: TestServer;
  let plain: TestServer;
  beforeAll(async () => {
    planned = await startTestServer({ READ_PLANNER: "on" }, { schemaExtension: extension });
    plain = await startTestServer({ READ_PLANNER: "off" }, { schemaExtension: extension });
  });
  afterAll(async () => {
    await planned?.close();
    await plain?.close();
  });

  it("answers the new field through the planner, in one query, as the plain path does", async () => {
    const query = `{ programs(first: 10) { edges { node { id claimants { id name affiliations { id } } } } } }`;
    const [a, b] = await Promise.all([planned.gql(query), plain.gql(query)]);
    expect(a.body.errors).toBeUndefined();
    expect(a.body).toEqual(b.body);
    expect(a.headers.get("server-timing")).toMatch(/db;desc="1 queries".*fallback;desc="0 fields"/);
    const zhusan = a.body.data.programs.edges.find((e: any) => e.node.id === "program:operation-zhusan");
    expect(zhusan.node.claimants.map((p: any) => p.id)).toContain("person:yerzhan-ashykbayev");
  });

  it("checks the new field against the Cypher it stands for", async () => {
    const res = await planned.gql(`{ program(id: "program:operation-zhusan") { claimants { id } } }`);
    const { records } = await planned.driver.executeQuery(
      "MATCH (:Program {id: $id})<-[:ABOUT]-(:Claim)<-[:MADE]-(p:Person) WITH DISTINCT p ORDER BY p.name, p.id RETURN collect(p.id) AS ids",
      { id: "program:operation-zhusan" },
      { database: planned.config.NEO4J_DATABASE },
    );
    expect(res.body.data.program.claimants.map((p: any) => p.id)).toEqual(records[0]!.get("ids"));
  });
});
