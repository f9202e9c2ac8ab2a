// The GraphQL IDE at GET /graphql (for browsers) and /graphiql: GraphiQL from npm, bundled by
// scripts/build-graphiql.mjs with everything it needs (no CDN, no telemetry), so it works offline.
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL, type GraphiQLProps } from "graphiql";
import "graphiql/style.css";

/** The README's ```graphql recipes, extracted at build time: one tab each. */
declare const __RECIPES__: Array<{ title: string; query: string }>;

/** POST /graphql with a JSON body, the way any client does; same origin, so nothing else is reached. */
const fetcher: GraphiQLProps["fetcher"] = async (params, options) => {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json;q=0.9", ...options?.headers },
    body: JSON.stringify(params),
  });
  return res.json();
};

const defaultTabs = __RECIPES__.map(({ title, query }) => ({ query: `# ${title}\n${query}` }));

createRoot(document.getElementById("graphiql")!).render(
  createElement(GraphiQL, { fetcher, defaultTabs, defaultEditorToolsVisibility: false, shouldPersistHeaders: false }),
);
