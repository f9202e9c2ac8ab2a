import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { ClaimConnection } from "../claim/claim.type.js";
import { Program, ProgramConnection, ProgramParticipation } from "./program.type.js";

// Every field reads through the read model (program.relations.ts declares how).
@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => ProgramConnection, { description: "Programs and operations, by name." })
  programs(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.root(info);
  }

  @Query(() => Program, { nullable: true, description: "A program by id (`program:operation-zhusan`); null when there is none." })
  program(@Ctx() ctx: Context, @Arg("id", () => ID) _id: string, @Info() info: GraphQLResolveInfo) {
    return ctx.read.root(info);
  }

  @FieldResolver(() => [ProgramParticipation], { description: "Who runs, supports, funds, partners in … the program (RUNS first), and where it operates." })
  participants(@Root() program: Program, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.read.field(program, info);
  }

  @FieldResolver(() => ClaimConnection, { description: "Claims about this program, in document order." })
  claims(
    @Root() program: Program,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ) {
    return ctx.read.field(program, info);
  }
}
