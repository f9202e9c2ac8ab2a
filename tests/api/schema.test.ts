import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { printSortedSchema, SCHEMA_FILE } from "../../src/server/schema.js";

describe("schema/schema.graphql", () => {
  it("is what the code generates (run `npm run schema` after changing types)", async () => {
    const committed = await fs.readFile(SCHEMA_FILE, "utf8");
    expect(committed).toBe(await printSortedSchema());
  });
});
