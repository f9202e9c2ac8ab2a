import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/config.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

const run = promisify(execFile);

/** The ```js snippets of the README's "Use it from code" section, as written. */
function snippets(): string[] {
  const readme = fs.readFileSync(path.join(projectRoot, "README.md"), "utf8");
  const start = readme.indexOf("## Use it from code");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/**
 * Apollo Client, urql and graphql-request, each from the README as written, against the service:
 * every snippet runs in its own Node process, with schema/possible-types.json beside it as the
 * README says.
 */
describe("the README's client snippets", () => {
  let server: TestServer;
  const log: Array<Record<string, any>> = [];
  const dir = path.join(projectRoot, "tests", "artifacts", "clients");
  const code = snippets();

  beforeAll(async () => {
    server = await startTestServer({}, { log });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(projectRoot, "schema", "possible-types.json"), path.join(dir, "possible-types.json"));
  });
  afterAll(() => server.close());

  const runSnippet = async (library: string) => {
    const source = code.find((c) => c.includes(`from "${library}"`));
    expect(source, `a snippet importing ${library}`).toBeDefined();
    const file = path.join(dir, `${library.replace(/\W+/g, "-")}.mjs`);
    fs.writeFileSync(file, source!);
    const { stdout } = await run(process.execPath, [file], { env: { ...process.env, API: `${server.baseUrl}/graphql` }, timeout: 30_000 });
    return stdout.trim();
  };

  it("has the three clients", () => {
    expect(code.length).toBe(3);
  });

  it("Apollo Client, with the generated possibleTypes", async () => {
    const out = await runSnippet("@apollo/client");
    expect(out).toMatch(/^Kazakhstan: RUNS Operation Zhusan; /);
  });

  it("urql with its defaults: a GET with only an accept header", async () => {
    const before = log.length;
    const out = await runSnippet("@urql/core");
    expect(out).toBe("United Nations Children's Fund (UNICEF)");
    const requests = log.slice(before).filter((line) => line.req?.url?.startsWith("/graphql"));
    expect(requests.map((line) => [line.req.method, line.res?.statusCode])).toEqual([["GET", 200]]);
    // No content type and no preflight header: a "simple" request, which CSRF prevention lets through for GET queries.
    expect(requests[0].req.headers["content-type"]).toBeUndefined();
    expect(requests[0].req.headers["apollo-require-preflight"]).toBeUndefined();
    expect(requests[0].req.headers.accept).toContain("application/graphql-response+json");
  });

  it("graphql-request", async () => {
    const out = await runSnippet("graphql-request");
    expect(out).toMatch(/^\d+ speakers; first: \S.*, .*, .*$/);
  });
});
