import "reflect-metadata";
import { parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphQLSchema } from "graphql";
import { createSchema } from "../../src/server/schema.js";
import { NodeProjection, selectedFields } from "../../src/modules/common/projection.js";

describe("node projection", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it("counts fields selected through aliases, fragments and interfaces on every type they can reach", () => {
    const selected = selectedFields(
      schema,
      parse(`
        fragment T on Person { title }
        { a: claims { edges { node { text about { id ... on Organisation { acronym } } speaker { ...T } } } }
          node(id: "x") { ... on Node { ... on Region { kind } } } }`),
    )!;
    expect([...selected.get("Claim")!]).toEqual(expect.arrayContaining(["text", "about", "speaker"]));
    expect(selected.get("Person")).toEqual(new Set(["id", "title"]));
    expect(selected.get("Organisation")).toEqual(new Set(["id", "acronym"]));
    expect(selected.get("Region")).toEqual(new Set(["id", "kind"]));
    expect(selected.get("Passage")).toEqual(new Set(["id"]));
  });

  it("reads whole nodes until told the operation, then only what the operation can show", () => {
    const projection = new NodeProjection();
    expect(projection.props("n")).toBe("n {.*, searchText: null}");
    projection.select(schema, parse(`{ claims { edges { node { id text speaker { name title } } } } }`));
    const props = projection.props("n");
    expect(props).toContain("WHEN n:Claim THEN n {.id, .text, .start, .end, .passageId, .speakerId}");
    expect(props).toContain("WHEN n:Person THEN n {.id, .name, .title, .turnLabel}");
    expect(props).toContain("WHEN n:Passage THEN n {.id, .ordinal, .start, .end, .documentId, .speakerId}");
    expect(props).toMatch(/ELSE n \{\.\*, searchText: null\} END$/);
    expect(projection.node("p")).toMatch(/^\{labels: labels\(p\), props: CASE WHEN p:/);
  });

  it("reads whole nodes of a label when the operation selects all its droppable fields", () => {
    const projection = new NodeProjection();
    projection.select(schema, parse(`{ node(id: "x") { ... on Claim { text kind } } }`));
    expect(projection.props("n")).not.toContain("n:Claim");
  });
});
