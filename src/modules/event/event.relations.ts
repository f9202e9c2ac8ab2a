import Cypher from "@neo4j/cypher-builder";
import { Label, RelType } from "../../graph/model.js";
import { everyNode, neighbours } from "../../data/patterns.js";
import { nodeOf, object, relation, value, type Sources } from "../../data/source.js";

/** How events are read (see data/source.ts). */
export const eventRelations: Sources = {
  Query: {
    // By date as ISO text, so a Date or a string property sorts the same, then id.
    events: everyNode(Label.Event, (n) => [Cypher.toString(n.property("date")), n.property("id")]),
  },
  Event: {
    date: value((s) => Cypher.toString(nodeOf(s).property("date"))),
    hosts: relation({
      rows: (scope) => {
        const o = new Cypher.Node();
        const r = new Cypher.Relationship();
        const hostFirst = new Cypher.Case(r.property("role")).when(new Cypher.Literal("HOST")).then(new Cypher.Literal(0)).else(new Cypher.Literal(1));
        const clause = Cypher.utils.concat(
          new Cypher.Match(new Cypher.Pattern(o, { labels: [Label.Organisation] }).related(r, { type: RelType.HOSTED }).to(nodeOf(scope))),
          new Cypher.With(o, r).orderBy(hostFirst, o.property("name"), o.property("id")),
        );
        return { clause, scope: { node: o } };
      },
    }),
    document: neighbours({ type: RelType.DOCUMENTED_BY, direction: "out", label: Label.Document, one: true }),
    participants: relation({
      rows: (scope) => {
        const p = new Cypher.Node();
        const r = new Cypher.Relationship();
        const clause = Cypher.utils.concat(
          new Cypher.Match(new Cypher.Pattern(p, { labels: [Label.Person] }).related(r, { type: RelType.SPOKE_AT }).to(nodeOf(scope))),
          new Cypher.With(r, p).orderBy(r.property("start"), p.property("name"), p.property("id")),
        );
        return { clause, scope: { rel: r, person: p } };
      },
    }),
  },
  EventParticipant: {
    role: value((s) => (s.rel as Cypher.Relationship).property("role")),
    person: object((s) => ({ node: s.person! })),
  },
};
