import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../data/context.js";
import { Node } from "../common/node.interface.js";
import { AddClaimInput, AddEntityInput, AddLinkInput, RetractInput, UpdateEntityInput } from "./curation.inputs.js";
import { CurationResult, Revision, RevisionAction } from "./revision.type.js";
import { runWrite } from "./write-path.js";
import { addClaim, addEntity, addLink } from "./add-facts.js";
import { retract } from "./retract.js";
import { updateEntity } from "./edit-entity.js";

/** The Idempotency-Key of the request, for this field of it (a request may hold several writes). */
function idempotency(ctx: Context, info: GraphQLResolveInfo, input: unknown) {
  return ctx.idempotencyKey ? { key: `${ctx.idempotencyKey}#${String(info.path.key)}`, request: { field: info.fieldName, input } } : null;
}

const QUOTED = "The quote must be in the document verbatim; offsets and the passage are computed as the seed loader computes them.";

/**
 * Writes to the graph (write-path.ts): each is one transaction, checked by the seed's own
 * validator, recorded as a revision. Writes need an API key (Authorization: Bearer …).
 */
@Resolver()
export class CurationResolver {
  @Mutation(() => CurationResult, { description: `Adds a person, organisation, place or program named in a document (curator). ${QUOTED} Its mentions are computed in every document.` })
  addEntity(@Arg("input", () => AddEntityInput) input: AddEntityInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return runWrite(ctx, { action: RevisionAction.ADD_ENTITY, role: "curator", reason: input.reason, idempotency: idempotency(ctx, info, input) }, (tx, n, caller) => addEntity(tx, input, n, caller));
  }

  @Mutation(() => CurationResult, { description: `Adds a relationship between two entities that a quote states (curator). ${QUOTED}` })
  addLink(@Arg("input", () => AddLinkInput) input: AddLinkInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return runWrite(ctx, { action: RevisionAction.ADD_LINK, role: "curator", reason: input.reason, idempotency: idempotency(ctx, info, input) }, (tx, n, caller) => addLink(tx, input, n, caller));
  }

  @Mutation(() => CurationResult, { description: `Adds a claim a speaker makes, with the figures it states (curator). ${QUOTED}` })
  addClaim(@Arg("input", () => AddClaimInput) input: AddClaimInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return runWrite(ctx, { action: RevisionAction.ADD_CLAIM, role: "curator", reason: input.reason, idempotency: idempotency(ctx, info, input) }, (tx, n, caller) => addClaim(tx, input, n, caller));
  }

  @Mutation(() => CurationResult, { description: "Takes a fact out of every read, search, view and export; its history keeps it (curator: what their key added; editor: anything)." })
  retract(@Arg("input", () => RetractInput) input: RetractInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return runWrite(
      ctx,
      { action: RevisionAction.RETRACT, role: "curator", reason: input.reason, expected: { factId: input.id, revision: input.expectedRevision }, idempotency: idempotency(ctx, info, input) },
      (tx, n, caller) => retract(tx, input, n, caller),
    );
  }

  @Mutation(() => CurationResult, { description: "Changes an entity's name, aliases or descriptive fields (editor); mentions follow its names." })
  updateEntity(@Arg("input", () => UpdateEntityInput) input: UpdateEntityInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return runWrite(
      ctx,
      { action: RevisionAction.EDIT_ENTITY, role: "editor", reason: input.reason, expected: { factId: input.id, revision: input.expectedRevision }, idempotency: idempotency(ctx, info, input) },
      (tx, n, caller) => updateEntity(tx, input, n, caller),
    );
  }

  @Query(() => [Revision], { description: "Every write to one fact (an entity, a claim or a link id, retracted ones too), newest first." })
  history(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("id", () => ID) _id: string,
    @Arg("first", () => Int, { nullable: true }) _first?: number,
  ) {
    return ctx.read.root(info);
  }
}

/** `history` on every node: the revisions that changed it or a fact at it. */
@Resolver(() => Node)
export class NodeHistoryResolver {
  @FieldResolver(() => [Revision], { description: "Who changed this and why: every revision that changed it, or a link from or to it, or a claim by or about it; newest first." })
  history(@Root() node: Node, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg("first", () => Int, { nullable: true }) _first?: number) {
    return ctx.read.field(node, info);
  }
}
