import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSchema, findBreakingChanges } from "graphql";
import { POSSIBLE_TYPES_FILE, printPossibleTypes, printSortedSchema, SCHEMA_FILE } from "../../src/server/schema.js";

/**
 * The contract third parties build on: every schema released so far. A change may add types,
 * fields and optional arguments, and deprecate; never remove, rename or retype
 * (`findBreakingChanges`). After a release, copy schema.graphql over released.graphql.
 */
const RELEASED_FILE = path.join(path.dirname(SCHEMA_FILE), "released.graphql");

describe("schema/schema.graphql", () => {
  it("is what the code generates (run `npm run schema` after changing types)", async () => {
    const committed = await fs.readFile(SCHEMA_FILE, "utf8");
    expect(committed).toBe(await printSortedSchema());
  });

  it("schema/possible-types.json is current, with every type that implements Node", async () => {
    const committed = await fs.readFile(POSSIBLE_TYPES_FILE, "utf8");
    expect(committed).toBe(await printPossibleTypes());
    const { Node } = JSON.parse(committed) as Record<string, string[]>;
    const schema = buildSchema(await printSortedSchema());
    const implementing = Object.values(schema.getTypeMap()).filter((t) => "getInterfaces" in t && (t as any).getInterfaces().some((i: any) => i.name === "Node"));
    expect(Node).toEqual(implementing.map((t) => t.name).sort());
    expect(Node).toContain("Organisation");
  });

  it("only grows: nothing released is removed, renamed or retyped", async () => {
    const released = buildSchema(await fs.readFile(RELEASED_FILE, "utf8"));
    const current = buildSchema(await printSortedSchema());
    expect(findBreakingChanges(released, current)).toEqual([]);
  });
});
