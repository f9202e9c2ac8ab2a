import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships ESM (.mjs) and CommonJS (.js) builds. type-graphql and Apollo load the CommonJS
    // one; without this alias our sources would load the other and every schema check would fail
    // with "Cannot use GraphQLObjectType from another module".
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // One Neo4j for the whole run (Community has one user database): files that write run alone.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 900_000,
    reporters: ["default"],
  },
});
