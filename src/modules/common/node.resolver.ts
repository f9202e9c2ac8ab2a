import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../server/context.js";
import { assertId } from "../../shared/ids.js";
import { Node } from "./node.interface.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any node by id, whatever its type; null when there is none." })
  node(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return ctx.loaders.node.load(assertId(id, "id"));
  }
}
