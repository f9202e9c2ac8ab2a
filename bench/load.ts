import autocannon from "autocannon";
import type { Shape } from "./shapes.js";
import type { RunningServer } from "./servers.js";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

/** What a client sends each server for a shape: GraphQL over POST, or the floor's GET /<shape>. */
export function requestFor(server: RunningServer, shape: Shape): { url: string; method: "GET" | "POST"; headers: Record<string, string>; body?: string } {
  if (server.name === "floor") return { url: `${server.url}/${shape.name}`, method: "GET", headers: {} };
  return {
    url: server.url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: server.name === "ours" ? shape.ours : shape.peer }),
  };
}

/** One timed run of autocannon (keep-alive connections, as a client pool would hold them). */
export async function load(server: RunningServer, shape: Shape, connections: number, seconds: number): Promise<LoadResult> {
  const req = requestFor(server, shape);
  const result = await autocannon({
    url: req.url,
    method: req.method,
    headers: req.headers,
    body: req.body,
    connections,
    duration: seconds,
    timeout: 30,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** One request, checked: the parsed body, or an error saying what the server answered instead. */
export async function fetchOnce(server: RunningServer, shape: Shape): Promise<{ data: unknown }> {
  const req = requestFor(server, shape);
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
  const text = await res.text();
  let body: { data?: unknown; errors?: unknown[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${server.name} ${shape.name}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (!res.ok || body.errors) throw new Error(`${server.name} ${shape.name}: HTTP ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return { data: body.data };
}
