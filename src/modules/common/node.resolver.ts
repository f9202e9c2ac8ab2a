import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Node } from "./node.interface.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any node by id, whatever its type; null when there is none." })
  node(@Ctx() ctx: Context, @Arg("id", () => ID) _id: string, @Info() info: GraphQLResolveInfo) {
    return ctx.read.root(info);
  }
}
