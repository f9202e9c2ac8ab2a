import { Label } from "../../graph/model.js";
import { toNumber } from "../../shared/neo4j-values.js";
import { asEntity } from "../common/batch.js";
import type { Entity } from "../common/entity.js";
import type { Relation } from "../common/relation.js";
import type { Mention } from "./mention.type.js";

export const SPEAKER_BY_PASSAGE: Relation<Entity | null> = {
  parentLabel: Label.Passage,
  rows: (node) => `
MATCH (p:Person)-[:SAID]->(parent)
RETURN ${node("p")} AS value`,
  one: true,
  map: asEntity,
  missing: null,
};

export const DOCUMENT_BY_PASSAGE: Relation<Entity | null> = {
  parentLabel: Label.Passage,
  rows: (node) => `
MATCH (parent)-[:PART_OF]->(d:Document)
RETURN ${node("d")} AS value`,
  one: true,
  map: asEntity,
  missing: null,
};

function asMentions(value: unknown): Mention[] {
  return ((value as Array<Record<string, unknown>>) ?? []).map((m) => ({
    surface: String(m.surface),
    start: toNumber(m.start),
    end: toNumber(m.end),
    passageId: String(m.passageId),
    entityId: String(m.entityId),
  }));
}

/** Every entity mention in a passage, in text order. */
export const MENTIONS_BY_PASSAGE: Relation<Mention[]> = {
  parentLabel: Label.Passage,
  rows: () => `
MATCH (parent)-[m:MENTIONS]->(e:Entity)
WITH parent, m, e ORDER BY m.start
RETURN {surface: m.surface, start: m.start, end: m.end, passageId: parent.id, entityId: e.id} AS value`,
  map: asMentions,
  missing: [],
};
