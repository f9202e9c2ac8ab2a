import Cypher from "@neo4j/cypher-builder";
import { Label, RelType } from "../../graph/model.js";
import { byStartId, everyNode } from "../../data/patterns.js";
import { connection, nodeById, nodeOf, type Sources } from "../../data/source.js";

/** How documents are read (see data/source.ts). */
export const documentRelations: Sources = {
  Query: {
    document: nodeById(Label.Document),
    documents: everyNode(Label.Document, (n) => [n.property("id")]),
  },
  Document: {
    passages: connection({
      match: (scope) => {
        const n = new Cypher.Node();
        return { pattern: new Cypher.Pattern(n, { labels: [Label.Passage] }).related({ type: RelType.PART_OF }).to(nodeOf(scope)), node: n };
      },
      order: byStartId,
    }),
  },
};
