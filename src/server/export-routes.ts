import { Router, type Request, type Response } from "express";
import { GraphQLError } from "graphql";
import { callerOf, requestDb, type CallerDeps, type RequestDbDeps } from "./context.js";
import { badInput, ErrorCode } from "../shared/errors.js";
import { formatError } from "./format-error.js";
import { formatOfExtension } from "../modules/export/export.format.js";
import { ExportRootNotFoundError, exportGraph } from "../modules/export/export.service.js";

/** HTTP status of each error code a download can fail with. */
const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  NOT_FOUND: 404,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw badInput(`"${name}" must be given once.`, name);
  return value;
}

function intParam(req: Request, name: string): number | undefined {
  const value = single(req, name);
  if (value === undefined || value === "") return undefined;
  if (!/^\d{1,3}$/.test(value)) throw badInput(`"${name}" must be a whole number; got "${value.slice(0, 20)}".`, name);
  return Number(value);
}

function boolParam(req: Request, name: string): boolean | undefined {
  const value = single(req, name);
  if (value === undefined || value === "") return undefined;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw badInput(`"${name}" must be true or false.`, name);
}

/**
 * GET /exports/graph.{json,graphml,gexf}?rootId=&depth=&includePassages= : the same documents as
 * the `graphExport` query, as downloads. Errors are JSON `{code, message}`: 400 BAD_USER_INPUT,
 * 401 UNAUTHENTICATED (a bad key; no key under READ_ACCESS=key), 404 NOT_FOUND (unknown rootId),
 * 503 SERVICE_UNAVAILABLE, 500 INTERNAL_SERVER_ERROR.
 */
export function exportRoutes(deps: RequestDbDeps & CallerDeps): Router {
  const router = Router();
  router.get("/graph.:extension", async (req: Request, res: Response) => {
    const format = formatOfExtension(String(req.params.extension));
    if (!format) {
      res.status(404).json({ code: "NOT_FOUND", message: "Exports are graph.json, graph.graphml and graph.gexf." });
      return;
    }
    const requestId = String(req.id);
    const db = requestDb(deps, requestId);
    try {
      await callerOf(deps, req.headers.authorization, requestId);
      const request = { format, rootId: single(req, "rootId"), depth: intParam(req, "depth"), includePassages: boolParam(req, "includePassages") };
      const file = await exportGraph(db, request);
      res.setHeader("content-type", file.contentType);
      res.setHeader("content-disposition", `attachment; filename="${file.filename}"`);
      res.send(file.body);
    } catch (error) {
      if (error instanceof ExportRootNotFoundError) {
        res.status(404).json({ code: "NOT_FOUND", message: error.message });
        return;
      }
      // The GraphQL API's error shaping, so a download fails the way a query would.
      const given = error instanceof GraphQLError ? error : null;
      const shaped = formatError({ message: error instanceof Error ? error.message : String(error), extensions: given?.extensions }, error, { exposeErrors: deps.config.EXPOSE_ERRORS });
      const code = String(shaped.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
      if (code === ErrorCode.INTERNAL_SERVER_ERROR) deps.logger.error({ err: error, requestId }, "export failed");
      // The headers a GraphQL response would carry (www-authenticate on a 401).
      const http = given?.extensions.http as { headers?: Map<string, string> } | undefined;
      for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
      res.status(STATUS[code] ?? 500).json({ code, message: shaped.message });
    } finally {
      await db.close();
    }
  });
  return router;
}
