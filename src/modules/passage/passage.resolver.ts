import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import { ofType, type Entity } from "../common/entity.js";
import { Node } from "../common/node.interface.js";
import { Person } from "../person/person.type.js";
import { Document } from "../document/document.type.js";
import { Mention } from "./mention.type.js";
import { Passage } from "./passage.type.js";

@Resolver(() => Passage)
export class PassageResolver {
  @FieldResolver(() => Person, { nullable: true, description: "Who said this paragraph; null for the introduction." })
  speaker(@Root() passage: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.passage.speaker, passage.id, info);
  }

  @FieldResolver(() => Document)
  async document(@Root() passage: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.passage.document, passage.id, info);
  }

  @FieldResolver(() => [Mention], { description: "Every entity mentioned in this paragraph, in text order." })
  mentions(@Root() passage: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.passage.mentions, passage.id, info);
  }
}

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Passage, { description: "The paragraph the words are in." })
  async passage(@Root() mention: Mention, @Ctx() ctx: Context) {
    return ofType<Passage>(await ctx.loaders.node.load(mention.passageId), "Passage");
  }

  @FieldResolver(() => Node, { nullable: true, description: "The entity the words name, for mentions found in the text; null for curated quotes." })
  async entity(@Root() mention: Mention, @Ctx() ctx: Context) {
    return mention.entityId ? ctx.loaders.node.load(mention.entityId) : null;
  }
}
