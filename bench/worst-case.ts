import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { projectRoot } from "../src/config/config.js";

/**
 * The heaviest queries the limits let through, measured against the built service in its own
 * process: each alone (answer size, time), then CONCURRENCY copies of each at once (time, and the
 * service's peak RSS). Run after `npm run build`, with NEO4J_URI set to a seeded Neo4j:
 *
 *   npm run bench:worst            (CONCURRENCY=8)
 */
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);

/** The whole transcript, 30 times (30 aliases): cost 30 × 101. */
const documentTexts = `{ ${Array.from({ length: 30 }, (_, i) => `d${i}: document(id: "document:zhusan-2021-01-08") { id title text }`).join(" ")} }`;

/** Exports with passages, as many as the cost allows. */
const exports_ = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `e${i}: graphExport(format: CYTOSCAPE_JSON, includePassages: true)`).join(" ")} }`;

/** The widest graph view the cost allows, with every field. */
const neighbourhood = `{ neighbourhood(id: "program:operation-zhusan", depth: 3, limit: 50) {
  nodes { id type label properties layout { x y } }
  edges { id source target type properties evidence { surface start end passage { id ordinal text } } }
  truncated } }`;

/** Claims with their text, quantities and paragraph, nested once under speakers. */
const speakersClaims = `{ speakers(first: 2) { edges { node { id name
  claims(first: 40) { totalCount edges { node { id text kind start end quantities { value unit } passage { id text } } } } } } } }`;

/** Passages with their text and mentions, a full page. */
const passages = `{ document(id: "document:zhusan-2021-01-08") { passages(first: 50) { edges { node { id ordinal text
  mentions { surface start end } speaker { id name } } } } } }`;

/** Search hits with their paragraphs. */
const search = `{ ${Array.from({ length: 10 }, (_, i) => `s${i}: search(query: "Kazakhstan", first: 50) { score snippet node { id ... on Passage { text } ... on Claim { text } } }`).join(" ")} }`;

/** The chain the cost model used to under-count: speakers → claims → about → claims. */
const chain = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: speakers(first: 1) { edges { node { claims(first: 2) { edges { node { about { ... on Person { claims(first: 1) { edges { node { text } } } } } } } } } } }`).join(" ")} }`;

interface Measured {
  status: number;
  bytes: number;
  ms: number;
  code?: string;
  message?: string;
}

async function post(url: string, query: string): Promise<Measured> {
  const started = performance.now();
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const text = await res.text();
  const ms = performance.now() - started;
  let code: string | undefined;
  let message: string | undefined;
  try {
    const error = (JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> }).errors?.[0];
    code = error?.extensions?.code;
    message = error?.message;
  } catch {
    code = "NOT_JSON";
  }
  return { status: res.status, bytes: Buffer.byteLength(text), ms, code, message };
}

/** Resident set size of a process, in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function startService(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn("node", [path.join(projectRoot, "dist", "src", "main.js")], {
    env: { ...process.env, PORT: "0", LOG_FORMAT: "json", LOG_LEVEL: "info", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /GraphQL API ready at (http:\/\/\S+\/graphql)/.exec(line);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once("exit", (code) => reject(new Error(`the service exited (${code}) before it was ready`)));
  });
}

async function main() {
  if (!process.env.NEO4J_URI) throw new Error("Set NEO4J_URI to a seeded Neo4j.");
  const { child, url } = await startService({});
  const pid = child.pid!;
  try {
    const cases: Array<[string, string]> = [
      ["30 × document text", documentTexts],
      ["graphExport with passages × 10 (the most the cost allows)", exports_(10)],
      ["graphExport with passages × 11", exports_(11)],
      ["neighbourhood depth 3, limit 50, every field", neighbourhood],
      ["2 speakers × 40 claims with text and paragraph", speakersClaims],
      ["50 passages with text and mentions", passages],
      ["10 × search, 50 hits with text", search],
      ["30 × speakers(1) → claims(2) → about → claims(1)", chain],
    ];
    // Warm up plans and Neo4j's caches.
    for (const [, query] of cases) await post(url, query);
    const rssStart = rssMb(pid);
    let peak = rssStart;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
    console.log(`service RSS after warm-up: ${rssStart.toFixed(0)} MB; ${CONCURRENCY} concurrent copies of each\n`);
    console.log("| query | status | code | answer | alone | ×" + CONCURRENCY + " at once (slowest) | peak RSS |");
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    for (const [name, query] of cases) {
      const alone = await post(url, query);
      peak = rssMb(pid);
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, () => post(url, query)));
      const together = performance.now() - started;
      if (alone.code) console.log(`  (${name}: ${alone.message})`);
      console.log(
        `| ${name} | ${alone.status} | ${alone.code ?? "-"} | ${(alone.bytes / 1024).toFixed(0)} kB | ${alone.ms.toFixed(0)} ms | ${together.toFixed(0)} ms | ${peak.toFixed(0)} MB |`,
      );
    }
    clearInterval(sampler);
    console.log(`\nservice RSS at the end: ${rssMb(pid).toFixed(0)} MB`);
  } finally {
    child.kill("SIGTERM");
  }
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("bench", "worst-case.js"))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
