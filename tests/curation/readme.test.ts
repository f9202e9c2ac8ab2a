import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { projectRoot } from "../../src/config/config.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { resetCuration, testDriver } from "../support/graph.js";
import { createKey } from "./support.js";

/** The README's write recipes (```graphql mutation blocks) and, after them, its history recipe, as written there. */
function curationSection(): { writes: string[]; history: string } {
  const readme = fs.readFileSync(path.join(projectRoot, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Curate the graph"), readme.indexOf("## API keys"));
  return {
    writes: [...section.matchAll(/```graphql mutation\n([\s\S]*?)```/g)].map((m) => m[1]!),
    history: /```graphql\n([\s\S]*?)```/.exec(section)![1]!,
  };
}

describe("the README's curation recipes", () => {
  let server: TestServer;
  let driver: Driver;
  let curator: Awaited<ReturnType<typeof createKey>>;
  let editor: Awaited<ReturnType<typeof createKey>>;

  beforeAll(async () => {
    server = await startTestServer();
    driver = testDriver();
    await resetCuration(driver, { keys: true });
    curator = await createKey("curator", "Aigerim");
    editor = await createKey("editor", "Erlan");
  });
  afterAll(async () => {
    await resetCuration(driver, { keys: true });
    await driver.close();
    await server.close();
  });

  it("has a recipe per mutation, and each runs as written, in order, with the role it names", async () => {
    const { writes, history } = curationSection();
    const mutations = writes.map((w) => /mutation \{\s+(\w+)/.exec(w)![1]);
    expect(mutations).toEqual(["addLink", "addEntity", "addClaim", "updateEntity", "retract"]);
    for (const [i, recipe] of writes.entries()) {
      const key = mutations[i] === "updateEntity" ? editor : curator;
      const res = await server.gql(recipe, {}, key.bearer);
      expect(res.body.errors, `${mutations[i]}: ${JSON.stringify(res.body.errors)}`).toBeUndefined();
      expect(res.status).toBe(200);
    }
    const res = await server.gql(history);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.history.map((r: { action: string; actor: string }) => [r.action, r.actor])).toEqual([["RETRACT", "Aigerim"], ["ADD_LINK", "Aigerim"]]);
    expect(res.body.data.organisation.history[0]).toMatchObject({ actor: "Erlan", action: "EDIT_ENTITY", reason: "its full name" });
  });
});
