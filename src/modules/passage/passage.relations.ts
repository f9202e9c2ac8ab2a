import Cypher from "@neo4j/cypher-builder";
import { Label, RelType } from "../../graph/model.js";
import { neighbours, properties } from "../../data/patterns.js";
import { nodeOf, relation, type Scope, type Sources } from "../../data/source.js";

/** The node with the id a mention map names (`passageId`, `entityId`), found in the id index. */
function byMentionId(label: string, key: "passageId" | "entityId") {
  return relation({
    one: true,
    rows: (scope: Scope) => {
      const n = new Cypher.Node();
      const id = (scope.mention as Cypher.Variable).property(key);
      return { clause: new Cypher.Match(new Cypher.Pattern(n, { labels: [label], properties: { id } })), scope: { node: n } };
    },
    byId: (parent) => parent[key] as string | undefined,
  });
}

/** How passages and mentions are read (see data/source.ts). */
export const passageRelations: Sources = {
  Passage: {
    speaker: neighbours({ type: RelType.SAID, direction: "in", label: Label.Person, one: true }),
    document: neighbours({ type: RelType.PART_OF, direction: "out", label: Label.Document, one: true }),
    mentions: relation({
      rows: (scope) => {
        const passage = nodeOf(scope);
        const m = new Cypher.Relationship();
        const e = new Cypher.Node();
        const mention = new Cypher.Variable();
        const map = new Cypher.Map({
          surface: m.property("surface"),
          start: m.property("start"),
          end: m.property("end"),
          passageId: passage.property("id"),
          entityId: e.property("id"),
        });
        const clause = Cypher.utils.concat(
          new Cypher.Match(new Cypher.Pattern(passage).related(m, { type: RelType.MENTIONS }).to(e, { labels: [Label.Entity] })),
          new Cypher.With(m, e).orderBy(m.property("start")),
          new Cypher.With([map, mention]),
        );
        return { clause, scope: { mention } };
      },
    }),
  },
  /** A mention is a map (surface, start, end, passageId, entityId); see data/patterns.ts. */
  Mention: {
    ...properties("mention", ["surface", "start", "end"]),
    passage: byMentionId(Label.Passage, "passageId"),
    entity: byMentionId(Label.Entity, "entityId"),
  },
};
