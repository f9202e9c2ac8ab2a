import { describe, expect, it } from "vitest";
import { isObjectType } from "graphql";
import { createSchema } from "../../src/server/schema.js";

/**
 * Every field the read model answers has a declaration (src/modules/<x>/<x>.relations.ts): a new
 * relation field without one fails here, instead of silently costing a query per level.
 */
describe("read declarations", () => {
  /** Types that queries of their own build (views, health), the connection plumbing, and what writes answer (the write path builds it). */
  const BUILT_ELSEWHERE = new Set(["GraphView", "GraphNode", "GraphViewNode", "GraphEdge", "GraphLayoutHint", "Health", "PageInfo", "Mutation", "CurationResult"]);
  const ROOTS_ELSEWHERE = new Set(["neighbourhood", "shortestPath", "graphExport", "health"]);

  it("covers every field of every type the read model builds", async () => {
    const { schema, model } = await createSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__") || BUILT_ELSEWHERE.has(type.name)) continue;
      if (type.name.endsWith("Connection") || type.name.endsWith("Edge")) continue;
      for (const field of Object.values(type.getFields())) {
        if (type === schema.getQueryType() && ROOTS_ELSEWHERE.has(field.name)) continue;
        if (!model.source(type, field.name)) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
