import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { projectRoot } from "../../src/config/config.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { hasChromium, launchChromium, type Browser } from "../support/browser.js";


/** The README's recipes, counted the way the build counts them. */
const recipeCount = (fs.readFileSync(path.join(projectRoot, "README.md"), "utf8").match(/```graphql\n/g) ?? []).length;

describe.skipIf(!hasChromium)("GraphiQL at GET /graphql, offline, in headless Chromium", () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let browser: Browser | undefined;
  const problems: string[] = [];
  const served: string[] = [];

  beforeAll(async () => {
    // The page under test is the one `npm run build` makes from src/graphiql and the README.
    execFileSync(process.execPath, [path.join(projectRoot, "scripts", "build-graphiql.mjs")], { stdio: "ignore" });
    server = await startTestServer();
    browser = await launchChromium("graphiql");
    ({ context, page } = browser);
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    // The network is cut: every request not to the service is aborted and recorded.
    await context.route(/.*/, (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.baseUrl}/`)) {
        served.push(url);
        return route.continue();
      }
      if (url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      problems.push(`request outside the service: ${url}`);
      return route.abort();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const editorText = (selector: string) =>
    page.evaluate((s) => (document.querySelector(`${s} .CodeMirror`) as any)?.CodeMirror.getValue() as string, selector);

  it("loads from the service alone, with the README's recipes as tabs", async () => {
    const response = await page.goto(`${server.baseUrl}/graphql`);
    expect(response!.status()).toBe(200);
    expect(response!.headers()["content-security-policy"]).toContain("default-src 'self'");
    await page.waitForSelector(".graphiql-container .graphiql-query-editor .CodeMirror");
    expect(await page.locator(".graphiql-tab").count()).toBe(recipeCount);
    expect(recipeCount).toBeGreaterThanOrEqual(5);
    expect(await editorText(".graphiql-query-editor")).toMatch(/^# .+\nquery \w+ \{/);
    expect(problems).toEqual([]);
  });

  it("runs a query and shows the answer", async () => {
    await page.evaluate(() => {
      const editor = (document.querySelector(".graphiql-query-editor .CodeMirror") as any).CodeMirror;
      editor.setValue('query Kazakhstan { country(id: "country:KZ") { name isoCode } }');
    });
    // The tab takes the operation's name once GraphiQL has read the edit.
    await page.locator(".graphiql-tab-active", { hasText: "Kazakhstan" }).waitFor();
    await page.locator(".graphiql-execute-button").click();
    await page.waitForFunction(() => ((document.querySelector(".graphiql-response .CodeMirror") as any)?.CodeMirror.getValue() ?? "").includes("Kazakhstan"));
    const answer = JSON.parse(await editorText(".graphiql-response"));
    expect(answer).toEqual({ data: { country: { name: "Kazakhstan", isoCode: "KZ" } } });
    expect(problems).toEqual([]);
  });

  it("shows the schema's documentation", async () => {
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs.waitFor();
    await docs.getByText("Query", { exact: true }).first().click();
    await docs.getByText("neighbourhood", { exact: true }).first().waitFor();
    expect(problems).toEqual([]);
    expect(served.every((url) => url.startsWith(server.baseUrl))).toBe(true);
  });

  it("is linked from the explorer", async () => {
    const res = await fetch(`${server.baseUrl}/explorer/`);
    expect(await res.text()).toContain('href="/graphiql/"');
    const ide = await fetch(`${server.baseUrl}/graphiql/`, { headers: { accept: "text/html" } });
    expect(ide.status).toBe(200);
    expect(await ide.text()).toContain("graphiql.js");
  });
});
