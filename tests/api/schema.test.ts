import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSchema, findBreakingChanges } from "graphql";
import { printSortedSchema, SCHEMA_FILE } from "../../src/server/schema.js";

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

  it("only grows: nothing released is removed, renamed or retyped", async () => {
    const released = buildSchema(await fs.readFile(RELEASED_FILE, "utf8"));
    const current = buildSchema(await printSortedSchema());
    expect(findBreakingChanges(released, current)).toEqual([]);
  });
});
