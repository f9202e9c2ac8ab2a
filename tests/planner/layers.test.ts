import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/config.js";

/** The layers of src/ point one way (docs/architecture.md): what each folder may not import. */
const FORBIDDEN: Record<string, string[]> = {
  shared: ["db", "graph", "data", "modules", "server", "seed", "runtime", "auth"],
  graph: ["db", "data", "modules", "server", "seed", "auth"],
  db: ["data", "modules", "server", "seed", "auth"],
  // API keys and roles: over db and shared, under modules (the write path) and server.
  auth: ["data", "modules", "server", "seed", "runtime"],
  data: ["modules", "server", "seed"],
  modules: ["server"],
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

describe("layers", () => {
  it("import only downwards", () => {
    const src = path.join(projectRoot, "src");
    const upward: string[] = [];
    for (const [layer, banned] of Object.entries(FORBIDDEN)) {
      for (const file of sources(path.join(src, layer))) {
        for (const [, target] of fs.readFileSync(file, "utf8").matchAll(/from\s+"(\.[^"]+)"/g)) {
          const top = path.relative(src, path.resolve(path.dirname(file), target!)).split(path.sep)[0]!;
          if (banned.includes(top)) upward.push(`${path.relative(projectRoot, file)} → ${top}/`);
        }
      }
    }
    expect(upward).toEqual([]);
  });
});
