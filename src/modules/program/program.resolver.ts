import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import { assertId } from "../../shared/ids.js";
import { ofType, type Entity } from "../common/entity.js";
import { listConnection, nameIdKey, nestedConnection, startIdKey } from "../common/list.js";
import { ClaimConnection } from "../claim/claim.type.js";
import { Program, ProgramConnection, ProgramParticipation } from "./program.type.js";
import { PROGRAMS } from "./program.repository.js";
import { CLAIMS_PAGE } from "../claim/claim.repository.js";

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => ProgramConnection, { description: "Programs and operations, by name." })
  programs(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listConnection(ctx, PROGRAMS, { first, after }, nameIdKey, info);
  }

  @Query(() => Program, { nullable: true, description: "A program by id (`program:operation-zhusan`); null when there is none." })
  async program(@Ctx() ctx: Context, @Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo) {
    return ofType<Program>(await ctx.prefetch.node(assertId(id, "id"), info), "Program");
  }

  @FieldResolver(() => [ProgramParticipation], { description: "Who runs, supports, funds, partners in … the program (RUNS first), and where it operates." })
  participants(@Root() program: Entity, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.prefetch.load(ctx.loaders.program.byProgram, program.id, info);
  }

  @FieldResolver(() => ClaimConnection, { description: "Claims about this program, in document order." })
  claims(
    @Root() program: Entity,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return nestedConnection(ctx, ctx.loaders.claim, { speakerId: null, aboutId: program.id }, { first, after }, startIdKey, { info, page: CLAIMS_PAGE });
  }
}
