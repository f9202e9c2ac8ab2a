import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { PassageConnection } from "../passage/passage.type.js";
import { Document, DocumentConnection } from "./document.type.js";

// Every field reads through the read model (document.relations.ts declares how).
@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, { nullable: true, description: "A document by id (`document:zhusan-2021-01-08`); null when there is none." })
  document(@Ctx() ctx: Context, @Arg("id", () => ID) _id: string, @Info() info: GraphQLResolveInfo) {
    return ctx.read.root(info);
  }

  @Query(() => DocumentConnection, { description: "Every source document, by id." })
  documents(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.root(info);
  }

  @FieldResolver(() => PassageConnection, { description: "Every paragraph of the document in order, the introduction included." })
  passages(
    @Root() document: Document,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.field(document, info);
  }
}
