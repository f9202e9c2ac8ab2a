import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../data/context.js";
import { badInput } from "../../shared/errors.js";
import { assertId } from "../../shared/ids.js";
import { GraphView } from "./graph.type.js";
import { DEFAULT_PATH_LENGTH, MAX_PATH_LENGTH, readShortestPath, readViewNeighbourhood } from "./graph.repository.js";
import { viewNeeds } from "./graph.selection.js";
import { toView } from "./graph.view.js";

export const MAX_DEPTH = 3;
export const DEFAULT_DEPTH = 1;
export const DEFAULT_VIEW_LIMIT = 50;

function boundedInt(value: number | null | undefined, fallback: number, min: number, max: number, name: string): number {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(`"${name}" must be between ${min} and ${max}; got ${value}.`, name);
  return value;
}

const ENTITY_GRAPH =
  "The entity graph: people, organisations, countries, regions, programs, events and claims, linked by SPOKE_AT, HOSTED, " +
  "AFFILIATED_WITH, PART_OF, BASED_IN, IN_REGION, IN_COUNTRY, MADE, ABOUT and the program roles (RUNS, SUPPORTS, FUNDS, " +
  "PARTNERS_IN, AUTHORIZED, BENEFITS, INTRODUCED, OPERATES_IN). Passages, documents and mentions are left out so entities stay readable.";

@Resolver()
export class GraphResolver {
  @Query(() => GraphView, {
    description:
      `Nodes within \`depth\` hops of a node (default ${DEFAULT_DEPTH}, at most ${MAX_DEPTH}), nearest first, and the relationships ` +
      `between them; at most \`limit\` nodes (default ${DEFAULT_VIEW_LIMIT}, at most MAX_PAGE_SIZE), \`truncated\` when cut. ${ENTITY_GRAPH} ` +
      "A passage or document as root shows its direct links of any kind (speaker, mentions, claims, document) first. Unknown id: an empty view.",
  })
  async neighbourhood(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("id", () => ID) id: string,
    @Arg("depth", () => Int, { nullable: true }) depth?: number,
    @Arg("limit", () => Int, { nullable: true }) limit?: number,
  ): Promise<GraphView> {
    assertId(id, "id");
    const d = boundedInt(depth, DEFAULT_DEPTH, 1, MAX_DEPTH, "depth");
    const n = boundedInt(limit, Math.min(DEFAULT_VIEW_LIMIT, ctx.config.MAX_PAGE_SIZE), 1, ctx.config.MAX_PAGE_SIZE, "limit");
    const needs = viewNeeds(info);
    return toView(await readViewNeighbourhood(ctx.db, id, d, n, needs), id, needs);
  }

  @Query(() => GraphView, {
    description:
      `A shortest path between two nodes over the entity graph, at most \`maxLength\` relationships (default ${DEFAULT_PATH_LENGTH}, ` +
      `at most ${MAX_PATH_LENGTH}). Empty when there is none or an id is unknown; empty with \`truncated\` true when the shortest ` +
      `path is longer than maxLength. ${ENTITY_GRAPH}`,
  })
  async shortestPath(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Arg("maxLength", () => Int, { nullable: true }) maxLength?: number,
  ): Promise<GraphView> {
    assertId(from, "from");
    assertId(to, "to");
    const max = boundedInt(maxLength, DEFAULT_PATH_LENGTH, 1, MAX_PATH_LENGTH, "maxLength");
    const needs = viewNeeds(info);
    const raw = await readShortestPath(ctx.db, from, to, needs);
    if (!raw) return { nodes: [], viewNodes: [], edges: [], truncated: false };
    if (raw.edges.length > max) return { nodes: [], viewNodes: [], edges: [], truncated: true };
    return toView(raw, from, needs);
  }
}
