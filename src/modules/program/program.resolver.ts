import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../server/context.js";
import { assertId } from "../../shared/ids.js";
import { ofType, type Entity } from "../common/entity.js";
import { listConnection, nameIdKey, nestedConnection, startIdKey } from "../common/list.js";
import { ClaimConnection } from "../claim/claim.type.js";
import { Program, ProgramConnection, ProgramParticipation } from "./program.type.js";
import { PROGRAMS } from "./program.repository.js";

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => ProgramConnection, { description: "Programs and operations, by name." })
  programs(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listConnection(ctx, PROGRAMS, { first, after }, nameIdKey);
  }

  @Query(() => Program, { nullable: true, description: "A program by id (`program:operation-zhusan`); null when there is none." })
  async program(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return ofType<Program>(await ctx.loaders.node.load(assertId(id, "id")), "Program");
  }

  @FieldResolver(() => [ProgramParticipation], { description: "Who runs, supports, funds, partners in … the program (RUNS first), and where it operates." })
  participants(@Root() program: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.program.byProgram.load(program.id);
  }

  @FieldResolver(() => ClaimConnection, { description: "Claims about this program, in document order." })
  claims(
    @Root() program: Entity,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return nestedConnection(ctx, ctx.loaders.claim, { speakerId: null, aboutId: program.id }, { first, after }, startIdKey);
  }
}
