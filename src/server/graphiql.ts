import fs from "node:fs";
import path from "node:path";
import express, { Router, type Request } from "express";

/** Where `npm run build` writes the IDE (index.html, graphiql.js, graphiql.css). */
export function graphiqlDir(projectRoot: string): string {
  return path.join(projectRoot, "dist", "graphiql");
}

/**
 * The page may load and reach nothing but this service: a browser enforces it, so a stray CDN
 * reference would show up as a blocked request instead of a silent dependency on the internet.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'self'",
].join("; ");

/** A browser opening the URL: a GET that prefers HTML to the GraphQL response types. */
export function wantsPage(req: Request): boolean {
  return req.method === "GET" && req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
}

/**
 * GraphiQL, from npm, bundled at build time (scripts/build-graphiql.mjs): the page at GET /graphql
 * for browsers and at /graphiql/, its files under /graphiql/. Replaces Apollo's landing page, which
 * loads Apollo Sandbox from CDNs and cannot work offline.
 */
export function graphiqlRoutes(projectRoot: string): { page: express.RequestHandler; assets: Router } {
  const dir = graphiqlDir(projectRoot);
  const index = path.join(dir, "index.html");
  const page: express.RequestHandler = (req, res, next) => {
    if (!wantsPage(req)) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type("text/plain").send("GraphiQL is not built: run `npm run build`.");
      return;
    }
    res.setHeader("content-security-policy", CSP);
    res.setHeader("cache-control", "no-cache");
    res.sendFile(index);
  };
  const assets = Router();
  assets.get("/", page);
  assets.use(express.static(dir, { index: false, maxAge: 0 }));
  return { page, assets };
}
