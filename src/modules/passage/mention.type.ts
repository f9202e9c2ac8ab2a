import { Field, Int, ObjectType } from "type-graphql";

/**
 * A span of the document that supports a fact: `document.text.slice(start, end) === surface`
 * (offsets in UTF-16 code units, i.e. JavaScript string indices).
 */
@ObjectType({ description: "Words of the document that support a fact: `document.text.slice(start, end)` equals `surface` (UTF-16 offsets)." })
export class Mention {
  @Field(() => String, { description: "The words exactly as the document has them." })
  surface!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  /** Resolved by MentionResolver through the node loader. */
  passageId!: string;

  /** For MENTIONS read from a passage: the entity mentioned (resolved through the node loader). */
  entityId?: string;
}

/** A mention from relationship provenance (`quote`, `start`, `end`, `passageId`); null without a passage. */
export function mentionFromRelationship(rel: Record<string, unknown>): Mention | null {
  if (typeof rel.passageId !== "string" || typeof rel.quote !== "string") return null;
  return { surface: rel.quote, start: Number(rel.start), end: Number(rel.end), passageId: rel.passageId };
}
