import fs from "node:fs";
import path from "node:path";
import express, { Router } from "express";

/** Where `npm run build` writes the explorer (index.html, explorer.js, explorer.css). */
export function explorerDir(projectRoot: string): string {
  return path.join(projectRoot, "dist", "explorer");
}

/**
 * The explorer page at /explorer/: static files built from src/explorer, all served from here (no
 * CDN), so it works offline. It talks to the service only through POST /graphql.
 */
export function explorerRoutes(projectRoot: string): Router {
  const dir = explorerDir(projectRoot);
  const router = Router();
  router.use((req, res, next) => {
    if (fs.existsSync(path.join(dir, "index.html"))) return next();
    res.status(503).type("text/plain").send("The explorer is not built: run `npm run build`.");
  });
  router.use(express.static(dir, { index: "index.html", redirect: true, maxAge: 0 }));
  return router;
}
