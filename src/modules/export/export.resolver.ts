import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../data/context.js";
import { badInput } from "../../shared/errors.js";
import { ExportFormat } from "./export.format.js";
import { DEFAULT_EXPORT_DEPTH, ExportRootNotFoundError, exportGraph, MAX_EXPORT_DEPTH } from "./export.service.js";

@Resolver()
export class ExportResolver {
  @Query(() => String, {
    description:
      "The graph as a file for other tools: Cytoscape.js JSON, GraphML or GEXF, as one string. Without `rootId`, the whole entity " +
      "graph (people, organisations, countries, regions, programs, events, claims and their curated relationships); with it, the " +
      `nodes within \`depth\` hops (default ${DEFAULT_EXPORT_DEPTH}, at most ${MAX_EXPORT_DEPTH}), the same ones \`neighbourhood\` ` +
      "shows. `includePassages` adds the paragraphs (with text) and their SAID, SUPPORTED_BY and MENTIONS links. The same files " +
      "download from GET /exports/graph.{json,graphml,gexf}. An unknown rootId is refused with BAD_USER_INPUT.",
  })
  async graphExport(
    @Ctx() ctx: Context,
    @Arg("format", () => ExportFormat) format: ExportFormat,
    @Arg("rootId", () => ID, { nullable: true }) rootId?: string,
    @Arg("depth", () => Int, { nullable: true }) depth?: number,
    @Arg("includePassages", () => Boolean, { nullable: true, defaultValue: false }) includePassages?: boolean,
  ): Promise<string> {
    try {
      return (await exportGraph(ctx.db, { format, rootId, depth, includePassages })).body;
    } catch (error) {
      if (error instanceof ExportRootNotFoundError) throw badInput(error.message, "rootId");
      throw error;
    }
  }
}
