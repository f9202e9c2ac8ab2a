import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Node } from "../common/node.interface.js";
import { Person } from "../person/person.type.js";
import { Document } from "../document/document.type.js";
import { Mention } from "./mention.type.js";
import { Passage } from "./passage.type.js";

// Every field reads through the read model (passage.relations.ts declares how).
@Resolver(() => Passage)
export class PassageResolver {
  @FieldResolver(() => Person, { nullable: true, description: "Who said this paragraph; null for the introduction." })
  speaker(@Root() passage: Passage, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(passage, info);
  }

  @FieldResolver(() => Document)
  document(@Root() passage: Passage, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(passage, info);
  }

  @FieldResolver(() => [Mention], { description: "Every entity mentioned in this paragraph, in text order." })
  mentions(@Root() passage: Passage, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(passage, info);
  }
}

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Passage, { description: "The paragraph the words are in." })
  passage(@Root() mention: Mention, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(mention, info);
  }

  @FieldResolver(() => Node, { nullable: true, description: "The entity the words name, for mentions found in the text; null for curated quotes." })
  entity(@Root() mention: Mention, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(mention, info);
  }
}
