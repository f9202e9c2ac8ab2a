// Builds the GraphQL IDE (src/graphiql) into dist/graphiql: GraphiQL, React and their stylesheet in
// one bundle (no CDN: the page works offline), with the README's ```graphql recipes as example tabs.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { bundlePage, root } from "./bundle-page.mjs";

/** Every ```graphql block of the README, titled by the bold sentence that introduces it. */
export function readmeRecipes(readme) {
  const recipes = [];
  const block = /```graphql\n([\s\S]*?)```/g;
  for (let match; (match = block.exec(readme)); ) {
    const before = readme.slice(0, match.index);
    const bold = [...before.matchAll(/\*\*([^*]+)\*\*/g)].at(-1)?.[1] ?? `Recipe ${recipes.length + 1}`;
    const title = bold.replace(/\s+/g, " ").trim();
    // GraphiQL names a tab after its operation: anonymous recipes get a name from their title.
    const name = title.split(/[^A-Za-z0-9]+/).filter(Boolean).slice(0, 5).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
    const query = match[1].trimEnd() + "\n";
    recipes.push({ title, query: query.startsWith("{") ? `query ${name} ${query}` : query });
  }
  return recipes;
}

const recipes = readmeRecipes(await readFile(path.join(root, "README.md"), "utf8"));
const out = await bundlePage({
  name: "graphiql",
  bundle: "graphiql",
  esbuild: {
    define: { __RECIPES__: JSON.stringify(recipes), "process.env.NODE_ENV": '"production"' },
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".svg": "file" },
  },
});
console.log(`GraphiQL built in ${out} with ${recipes.length} README recipes as tabs`);
