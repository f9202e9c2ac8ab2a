import type { ServerName } from "./servers.js";
import type { Shape } from "./shapes.js";

export interface Measured {
  scale: number;
  connections: number;
  shape: string;
  server: ServerName;
  /** Medians over the rounds. */
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rounds: Array<{ rps: number; p50: number; p99: number }>;
}

export interface ScaleInfo {
  scale: number;
  nodes: number;
  relationships: number;
  loadMs: number;
  /** Db hits per shape: our queries (summed) and the floor's. */
  dbHits: Record<string, { ours: number; floor: number; oursOperators: string[]; oursTop: string[] }>;
  /** Server RSS (MB) at the start and end of each connections level. */
  rss: Array<{ connections: number; server: ServerName; start: number | null; end: number | null }>;
}

export interface Results {
  date: string;
  machine: string;
  options: Record<string, unknown>;
  scales: ScaleInfo[];
  measured: Measured[];
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : "–");

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The table of one graph size and connection count: req/s, p50, p99, and ratios to the peer and the floor. */
export function table(results: Results, shapes: Shape[], scale: number, connections: number): string {
  const lines = [`${"shape".padEnd(52)} ${"server".padEnd(6)} ${pad("req/s", 7)} ${pad("p50 ms", 7)} ${pad("p99 ms", 7)} ${pad("÷peer", 6)} ${pad("÷floor", 6)} ${pad("err", 4)}`];
  for (const shape of shapes) {
    const of = (server: ServerName) => results.measured.find((m) => m.scale === scale && m.connections === connections && m.shape === shape.name && m.server === server);
    const peer = of("peer");
    const floor = of("floor");
    for (const server of ["ours", "peer", "floor"] as const) {
      const m = of(server);
      if (!m) continue;
      lines.push(
        `${(server === "ours" ? shape.title : "").padEnd(52)} ${server.padEnd(6)} ${pad(m.rps.toFixed(0), 7)} ${pad(m.p50.toFixed(1), 7)} ${pad(m.p99.toFixed(1), 7)} ` +
          `${pad(server === "peer" ? "1.00" : ratio(m.rps, peer?.rps), 6)} ${pad(ratio(m.rps, floor?.rps), 6)} ${pad(m.errors, 4)}`,
      );
    }
  }
  return lines.join("\n");
}

/** Db hits of our queries and the floor's, per shape, at each measured size. */
export function dbHitsTable(results: Results, shapes: Shape[]): string {
  const scales = results.scales;
  const head = `${"shape".padEnd(52)} ${scales.map((s) => `${pad(`ours ${s.scale}×`, 11)} ${pad(`floor ${s.scale}×`, 11)}`).join(" ")}`;
  const rows = shapes.map(
    (shape) => `${shape.title.padEnd(52)} ${scales.map((s) => `${pad(s.dbHits[shape.name]?.ours ?? "–", 11)} ${pad(s.dbHits[shape.name]?.floor ?? "–", 11)}`).join(" ")}`,
  );
  const access = shapes.map((shape) => {
    const per = scales.map((s) => `${s.scale}×: ${accessOf(s.dbHits[shape.name]?.oursOperators ?? [])}`);
    return `  ${shape.name.padEnd(14)} ${per.join(" | ")}`;
  });
  return [head, ...rows, "", "how our queries reach their rows (PROFILE operators):", ...access].join("\n");
}

/** The operators that say how a plan finds and bounds its rows: index seeks or scans, sorts, limits, the count store. */
const ACCESS = /IndexSeek|IndexScan|LabelScan|AllNodesScan|ByElementId|CountStore|^Sort|^Top|^Limit|^PartialSort|^PartialTop|ProcedureCall/;
export function accessOf(operators: string[]): string {
  const counts = new Map<string, number>();
  for (const op of operators) if (ACCESS.test(op)) counts.set(op, (counts.get(op) ?? 0) + 1);
  return [...counts].map(([op, n]) => (n > 1 ? `${op}×${n}` : op)).join(", ") || "–";
}

/** Where each target stands: ours ÷ peer req/s (≥ 1.25), p99 ≤ peer, ours ÷ floor (≥ 0.6), p50 at the largest size ÷ at 1× (≤ 1.5). */
export function targets(results: Results, shapes: Shape[], connections: number): string {
  const scales = [...new Set(results.measured.map((m) => m.scale))].sort((a, b) => a - b);
  const first = scales[0]!;
  const last = scales.at(-1)!;
  const get = (scale: number, shape: string, server: ServerName) =>
    results.measured.find((m) => m.scale === scale && m.connections === connections && m.shape === shape && m.server === server);
  const lines = [`${"shape".padEnd(52)} ${scales.map((s) => `${pad(`÷peer ${s}×`, 11)} ${pad(`p99≤peer ${s}×`, 13)} ${pad(`÷floor ${s}×`, 12)}`).join(" ")} ${pad(`p50 ${last}×÷${first}×`, 12)}`];
  for (const shape of shapes) {
    const cells = scales.map((s) => {
      const o = get(s, shape.name, "ours");
      const p = get(s, shape.name, "peer");
      const f = get(s, shape.name, "floor");
      return `${pad(ratio(o?.rps, p?.rps), 11)} ${pad(o && p ? `${o.p99 <= p.p99 ? "yes" : "no"} ${o.p99.toFixed(0)}/${p.p99.toFixed(0)}` : "–", 13)} ${pad(ratio(o?.rps, f?.rps), 12)}`;
    });
    lines.push(`${shape.title.padEnd(52)} ${cells.join(" ")} ${pad(ratio(get(last, shape.name, "ours")?.p50, get(first, shape.name, "ours")?.p50), 12)}`);
  }
  return lines.join("\n");
}

const COLORS: Record<ServerName, string> = { ours: "#1f77b4", peer: "#d62728", floor: "#7f7f7f" };
const LABELS: Record<ServerName, string> = { ours: "this API", peer: "@neo4j/graphql", floor: "floor (one Cypher)" };

/** An SVG of p50 latency by graph size, one panel per shape, a line per server (log-scaled size axis). */
export function chart(results: Results, shapes: Shape[], connections: number): string {
  const cols = 4;
  const w = 260;
  const h = 190;
  const rowsN = Math.ceil(shapes.length / cols);
  const width = cols * w + 20;
  const height = rowsN * h + 70;
  const scales = [...new Set(results.measured.map((m) => m.scale))].sort((a, b) => a - b);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">p50 latency (ms) by graph size, ${connections} connections — ${esc(results.date.slice(0, 10))}, ${esc(results.machine)}</text>`,
  ];
  (["ours", "peer", "floor"] as const).forEach((s, i) => {
    out.push(`<rect x="${10 + i * 170}" y="32" width="12" height="3" fill="${COLORS[s]}"/><text x="${26 + i * 170}" y="37">${esc(LABELS[s])}</text>`);
  });
  shapes.forEach((shape, i) => {
    const x0 = (i % cols) * w + 45;
    const y0 = Math.floor(i / cols) * h + 70;
    const pw = w - 65;
    const ph = h - 60;
    const points = (server: ServerName) =>
      scales.map((s) => [s, results.measured.find((m) => m.scale === s && m.connections === connections && m.shape === shape.name && m.server === server)?.p50] as const).filter((p): p is readonly [number, number] => p[1] !== undefined);
    const max = Math.max(1, ...(["ours", "peer", "floor"] as const).flatMap((s) => points(s).map((p) => p[1])));
    const top = niceCeil(max);
    const xOf = (s: number) => (scales.length === 1 ? x0 + pw / 2 : x0 + (Math.log10(s) - Math.log10(scales[0]!)) / (Math.log10(scales.at(-1)!) - Math.log10(scales[0]!)) * pw);
    const yOf = (v: number) => y0 + ph - (v / top) * ph;
    out.push(`<text x="${x0}" y="${y0 - 8}" font-weight="bold">${esc(shape.title.length > 34 ? `${shape.title.slice(0, 33)}…` : shape.title)}</text>`);
    out.push(`<line x1="${x0}" y1="${y0 + ph}" x2="${x0 + pw}" y2="${y0 + ph}" stroke="#999"/><line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y0 + ph}" stroke="#999"/>`);
    for (const t of [0, top / 2, top]) out.push(`<text x="${x0 - 4}" y="${yOf(t) + 4}" text-anchor="end" fill="#555">${t}</text>`);
    for (const s of scales) out.push(`<text x="${xOf(s)}" y="${y0 + ph + 14}" text-anchor="middle" fill="#555">${s}×</text>`);
    for (const server of ["floor", "peer", "ours"] as const) {
      const pts = points(server);
      if (pts.length === 0) continue;
      out.push(`<polyline fill="none" stroke="${COLORS[server]}" stroke-width="2" points="${pts.map(([s, v]) => `${xOf(s).toFixed(1)},${yOf(v).toFixed(1)}`).join(" ")}"/>`);
      for (const [s, v] of pts) out.push(`<circle cx="${xOf(s).toFixed(1)}" cy="${yOf(v).toFixed(1)}" r="2.5" fill="${COLORS[server]}"><title>${LABELS[server]} ${s}×: ${v} ms</title></circle>`);
    }
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
