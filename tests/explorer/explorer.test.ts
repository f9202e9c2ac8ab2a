import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { projectRoot } from "../../src/config/config.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { hasChromium, launchChromium, type Browser } from "../support/browser.js";


const ARTIFACTS = path.join(projectRoot, "tests", "artifacts");
const SCREENSHOT = path.join(projectRoot, "docs", "explorer.png");

describe.skipIf(!hasChromium)("explorer in headless Chromium", () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let browser: Browser | undefined;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    // The page under test is the one `npm run build` makes from src/explorer; build it now, so a
    // single-file run tests the current sources too.
    execFileSync(process.execPath, [path.join(projectRoot, "scripts", "build-explorer.mjs")], { stdio: "ignore" });
    server = await startTestServer();
    browser = await launchChromium("explorer");
    ({ context, page } = browser);
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
    // Offline apart from the service: any request elsewhere (a CDN) fails the test.
    await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
      consoleErrors.push(`request outside the service: ${route.request().url()}`);
      return route.abort();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const drawnIds = () => page.evaluate(() => (window as any).explorer.cy.nodes().map((n: any) => n.id()).sort());

  it("finds UNICEF, draws its neighbourhood, shows a node's evidence and the passage behind a quote", async () => {
    await page.goto(`${server.baseUrl}/explorer`);
    await page.waitForSelector('#graph[data-state="idle"]');
    expect(await page.locator("#legend-list li").count()).toBe(8);

    // Search with the keyboard: type, Enter; the results list takes the focus.
    await page.locator("#search-input").fill("UNICEF");
    await page.locator("#search-input").press("Enter");
    const unicef = page.locator('#results button[data-id="org:unicef"]');
    await unicef.waitFor();
    await unicef.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector('#panel-body[data-loaded="org:unicef"]');

    // The drawing holds exactly the neighbourhood the API gives for the same request.
    const view = (
      await server.gql(`{ neighbourhood(id: "org:unicef", depth: 1, limit: 50) { nodes { id } edges { id } } }`)
    ).body.data.neighbourhood;
    expect(await page.locator("#graph").getAttribute("data-node-count")).toBe(String(view.nodes.length));
    expect(await page.locator("#graph").getAttribute("data-edge-count")).toBe(String(view.edges.length));
    expect(await drawnIds()).toEqual(view.nodes.map((n: any) => n.id).sort());
    expect(await drawnIds()).toContain("program:operation-zhusan");

    // UNICEF's panel: the programs it partners in and who referenced it, with quotes.
    const panel = page.locator("#panel-body");
    await expect.poll(() => panel.textContent()).toContain("PARTNERS_IN");
    const text = (await panel.textContent())!;
    expect(text).toContain("Operation Zhusan");
    expect(text).toContain("Kazakhstan is working with different agencies such as UNICEF, ICRC, OSCE and NGOs on the ground");
    expect(text).toContain("Stevan Weine");
    expect(text).toContain("Yerzhan Ashykbayev");

    // Click a node in the drawing: the program.
    const at = await page.evaluate(() => {
      const node = (window as any).explorer.cy.getElementById("program:operation-zhusan");
      const p = node.renderedPosition();
      const box = document.querySelector("#graph")!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('#panel-body[data-loaded="program:operation-zhusan"]');
    const quote = page.locator("#panel-body .quote-text").first();
    await expect.poll(() => quote.textContent()).toContain("Kazakhstan initiated its first repatriation");
    // Its links in the drawing carry their evidence: UNICEF's PARTNERS_IN, with the document's words.
    const unicefLink = page.locator('#panel-body .in-view li.relation[data-type="PARTNERS_IN"]', { has: page.locator('button.link[data-id="org:unicef"]') });
    expect(await unicefLink.textContent()).toContain("Kazakhstan is working with different agencies such as UNICEF, ICRC, OSCE and NGOs on the ground");

    // A quote opens its paragraph, with exactly the quote highlighted; Escape closes it.
    await quote.click();
    const mark = page.locator("#passage-quote");
    await mark.waitFor();
    expect(await mark.textContent()).toBe("Exactly two years ago when Kazakhstan initiated its first repatriation");
    await page.screenshot({ path: path.join(ARTIFACTS, "explorer-passage.png") });
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#passage").evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);

    // Back to UNICEF for the picture in the docs.
    await page.locator('#panel-body button.link[data-id="org:unicef"]').first().click();
    await page.waitForSelector('#panel-body[data-loaded="org:unicef"]');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "explorer.png") });
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    fs.copyFileSync(path.join(ARTIFACTS, "explorer.png"), SCREENSHOT);
  });

  it("expands a node and draws the shortest path between two picked entities", async () => {
    const before = (await drawnIds()).length;
    await page.evaluate(() => (window as any).explorer.cy.getElementById("program:operation-zhusan").emit("dbltap"));
    // A view's edges come with their quotes and paragraphs: allow a cold service a moment.
    await expect.poll(async () => (await drawnIds()).length, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await drawnIds()).toContain("country:KZ");

    // Path from UNICEF to Stevan Weine, picked through the panel (Weine opens from UNICEF's "Referenced by").
    await page.evaluate(() => (window as any).explorer.select("org:unicef"));
    await page.waitForSelector('#panel-body[data-loaded="org:unicef"]');
    await page.getByRole("button", { name: "Path from here" }).click();
    await page.locator('#panel-body button.link[data-id="person:stevan-weine"]').first().click();
    await page.waitForSelector('#panel-body[data-loaded="person:stevan-weine"]');
    await page.getByRole("button", { name: "Path to here" }).click();
    await page.locator("#path-go").click();
    const path = (
      await server.gql(`{ shortestPath(from: "org:unicef", to: "person:stevan-weine", maxLength: 10) { nodes { id } edges { id } } }`)
    ).body.data.shortestPath;
    expect(path.nodes.length).toBeGreaterThan(1);
    await expect.poll(drawnIds).toEqual(path.nodes.map((n: any) => n.id).sort());
    await expect.poll(() => page.locator("#status").textContent()).toContain("Shortest path");
  });

  it("shows a person's affiliation with its quote, and the quote in its paragraph", async () => {
    const view = (
      await server.gql(`{ neighbourhood(id: "person:christopher-harnisch", depth: 1, limit: 50) {
        edges { type target evidence { surface start end passage { id } } } } }`)
    ).body.data.neighbourhood;
    const affiliation = view.edges.find((e: any) => e.type === "AFFILIATED_WITH");
    expect(affiliation?.evidence).toHaveLength(1);
    const words: string = affiliation.evidence[0].surface;

    await page.locator("#search-input").fill("Harnisch");
    await page.locator("#search-input").press("Enter");
    await page.locator('#results button[data-id="person:christopher-harnisch"]').click();
    await page.waitForSelector('#panel-body[data-loaded="person:christopher-harnisch"]');

    // The affiliation in the person's fields and among the drawn links, each with the quote.
    const inView = page.locator('#panel-body .in-view li.relation[data-type="AFFILIATED_WITH"]');
    await expect.poll(() => inView.count()).toBeGreaterThan(0);
    expect(await inView.first().locator("button.link").getAttribute("data-id")).toBe(affiliation.target);
    expect(await inView.first().locator(".quote-text").textContent()).toBe(`“${words}”`);
    expect(await page.locator("#panel-body section", { hasText: "Affiliations" }).first().textContent()).toContain(words);

    // A click on the quote opens its paragraph with exactly those words highlighted.
    await inView.first().locator(".quote-text").click();
    const mark = page.locator("#passage-quote");
    await expect.poll(() => mark.textContent()).toBe(words);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#passage").evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it("logged no console errors or warnings and fetched nothing from outside the service", () => {
    expect(consoleErrors).toEqual([]);
  });
});
