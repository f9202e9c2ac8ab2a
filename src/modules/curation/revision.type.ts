import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { JSONObject, type JsonObject } from "../../shared/json.scalar.js";

/** What a write did. */
export enum RevisionAction {
  ADD_ENTITY = "ADD_ENTITY",
  ADD_LINK = "ADD_LINK",
  ADD_CLAIM = "ADD_CLAIM",
  EDIT_ENTITY = "EDIT_ENTITY",
  RETRACT = "RETRACT",
}
registerEnumType(RevisionAction, { name: "RevisionAction", description: "What a write to the graph did." });

/**
 * One write to the graph, as the audit trail keeps it: numbered in the order writes committed
 * (one sequence for the whole graph), who made it (the API key's name and role), why, and the
 * fact before and after. Revisions are never changed or removed, a reseed included.
 */
@ObjectType("Revision", { description: "One write to the graph: who, when, what, why, and the fact before and after. Numbered in commit order." })
export class Revision {
  @Field(() => Int, { description: "Its place in the graph's one sequence of writes: 1, 2, 3, … in the order they committed." })
  number!: number;

  @Field(() => String, { description: "When it committed (ISO 8601, UTC)." })
  at!: string;

  @Field(() => String, { description: "Who wrote it: the name of the API key." })
  actor!: string;

  @Field(() => String, { description: "The role of that key when it wrote: curator, editor or admin." })
  role!: string;

  @Field(() => RevisionAction)
  action!: RevisionAction;

  @Field(() => ID, { description: "The fact written: an entity's, a claim's or a link's id." })
  factId!: string;

  @Field(() => String, { description: "What the fact is: an entity type (Person, …), Claim, or a relationship type (AFFILIATED_WITH, …)." })
  factType!: string;

  @Field(() => ID, { nullable: true, description: "The document the fact quotes (none for an edit of names)." })
  documentId!: string | null;

  @Field(() => String, { nullable: true, description: "Why, as the writer said it." })
  reason!: string | null;

  @Field(() => JSONObject, { nullable: true, description: "The fact before the write (null for an addition): its stored properties, and for a link its type and ends." })
  before!: JsonObject | null;

  @Field(() => JSONObject, { nullable: true, description: "The fact after the write (null for a retraction)." })
  after!: JsonObject | null;
}

@ObjectType("CurationResult", { description: "What a write did: its revision and the id of the fact written." })
export class CurationResult {
  @Field(() => Revision)
  revision!: Revision;

  @Field(() => ID, { description: "The fact written; read it with node(id:) (an entity or a claim) or in the views (a link)." })
  factId!: string;

  @Field(() => Boolean, { description: "True when the Idempotency-Key header named a write already made: nothing was written again, and this is that write's revision." })
  replayed!: boolean;
}
