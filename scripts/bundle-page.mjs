// One browser page bundled for offline use (no CDN): src/<name>/main.ts and everything it imports
// in one minified ES module, with index.html (and any other listed file) beside it in dist/<name>.
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Builds dist/<name> from src/<name>; `bundle` is the output's base name, `esbuild` extra options. */
export async function bundlePage({ name, bundle, copy = [], esbuild = {} }) {
  const src = path.join(root, "src", name);
  const out = path.join(root, "dist", name);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: { [bundle]: path.join(src, "main.ts") },
    outdir: out,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    minify: true,
    sourcemap: true,
    legalComments: "linked",
    logLevel: "warning",
    ...esbuild,
  });
  for (const file of ["index.html", ...copy]) await copyFile(path.join(src, file), path.join(out, file));
  return path.relative(process.cwd(), out) || out;
}
