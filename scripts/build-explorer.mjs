// Builds the explorer page (src/explorer) into dist/explorer: one bundled ES module with
// Cytoscape.js inside (no CDN: the page works offline), its stylesheet and index.html.
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.join(root, "src", "explorer");
const out = path.join(root, "dist", "explorer");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: [path.join(src, "main.ts")],
  outfile: path.join(out, "explorer.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2022"],
  minify: true,
  sourcemap: true,
  legalComments: "linked",
  logLevel: "warning",
});
await copyFile(path.join(src, "index.html"), path.join(out, "index.html"));
await copyFile(path.join(src, "explorer.css"), path.join(out, "explorer.css"));
console.log(`explorer built in ${path.relative(process.cwd(), out) || out}`);
