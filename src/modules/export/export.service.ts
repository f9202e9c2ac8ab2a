import type { RequestDb } from "../../db/request-db.js";
import { badInput } from "../../shared/errors.js";
import { assertId } from "../../shared/ids.js";
import { ExportFormat, FORMAT_INFO } from "./export.format.js";
import { prepareGraph } from "./export.model.js";
import { readExportGraph } from "./export.repository.js";
import { toCytoscapeJson } from "./cytoscape.serializer.js";
import { toGraphml } from "./graphml.serializer.js";
import { toGexf } from "./gexf.serializer.js";

/** Depth of a neighbourhood export when none is given, and the deepest accepted. */
export const DEFAULT_EXPORT_DEPTH = 1;
export const MAX_EXPORT_DEPTH = 3;

export interface ExportRequest {
  format: ExportFormat;
  /** Absent: the whole graph. */
  rootId?: string | null;
  /** Hops from the root, 1..MAX_EXPORT_DEPTH (default DEFAULT_EXPORT_DEPTH); only with rootId. */
  depth?: number | null;
  /** Add passages (with their text) and their SAID, SUPPORTED_BY and MENTIONS links; default false. */
  includePassages?: boolean | null;
}

export interface ExportDocument {
  body: string;
  contentType: string;
  /** A download name that is safe on every file system: `zhusan-graph-org-unicef-depth-1.graphml`. */
  filename: string;
}

/** The root id names no node. Unlike bad input, this is "not found" (404 over HTTP). */
export class ExportRootNotFoundError extends Error {
  override name = "ExportRootNotFoundError";
  constructor(readonly rootId: string) {
    super(`No node has the id "${rootId}".`);
  }
}

function checkDepth(depth: number | null | undefined, rootId: string | null): number {
  if (depth == null) return DEFAULT_EXPORT_DEPTH;
  if (rootId === null) throw badInput('"depth" needs a "rootId"; without one the whole graph is exported.', "depth");
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_EXPORT_DEPTH) {
    throw badInput(`"depth" must be an integer from 1 to ${MAX_EXPORT_DEPTH}; got ${depth}.`, "depth");
  }
  return depth;
}

/** Validates the request, reads the graph in one query and serializes it. */
export async function exportGraph(db: RequestDb, request: ExportRequest): Promise<ExportDocument> {
  const rootId = request.rootId == null ? null : assertId(request.rootId, "rootId");
  const depth = checkDepth(request.depth, rootId);
  const includePassages = request.includePassages ?? false;
  const read = await readExportGraph(db, { rootId, depth, includePassages });
  if (!read.found) {
    if (read.reason === "unknown-root" || rootId === null) throw new ExportRootNotFoundError(rootId ?? "");
    throw badInput(
      `"rootId" names a node that is not exported${includePassages ? "" : " without includePassages"}: exports hold people, organisations, ` +
        "places, programs, events and claims (and passages when asked for), not the document.",
      "rootId",
    );
  }
  const graph = prepareGraph(read.graph);
  const scope = rootId === null ? "the whole graph" : `the neighbourhood of ${rootId} (depth ${depth})`;
  const description = `Zhusan knowledge graph: ${scope}${includePassages ? ", with passages" : ""}. Offsets (start, end) are UTF-16 code units into the transcript.`;
  const info = FORMAT_INFO[request.format];
  const body =
    request.format === ExportFormat.GRAPHML
      ? toGraphml(graph, description)
      : request.format === ExportFormat.GEXF
        ? toGexf(graph, description)
        : toCytoscapeJson(graph, { description, rootId, depth: rootId === null ? null : depth, includePassages });
  const slug = rootId === null ? "all" : `${rootId}-depth-${depth}`;
  const filename = `zhusan-graph-${slug}${includePassages ? "-passages" : ""}.${info.extension}`.replace(/[^A-Za-z0-9._-]+/g, "-");
  return { body, contentType: info.contentType, filename };
}
