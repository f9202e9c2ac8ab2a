import Cypher from "@neo4j/cypher-builder";
import { Label } from "../../graph/model.js";
import { relation, type Sources } from "../../data/source.js";

/**
 * How a search hit's own fields are read (see data/source.ts). Hits are built by the search query,
 * not by a plan: their `document` is read by id, only when selected, with the fields selected (the
 * transcript's text only when asked for), once per request for all hits.
 */
export const searchRelations: Sources = {
  SearchHit: {
    document: relation({
      one: true,
      rows: (scope) => {
        const document = new Cypher.Node();
        const id = (scope.hit as Cypher.Variable).property("documentId");
        return { clause: new Cypher.Match(new Cypher.Pattern(document, { labels: [Label.Document], properties: { id } })), scope: { node: document } };
      },
      byId: (hit) => hit.documentId as string | null | undefined,
    }),
  },
};
