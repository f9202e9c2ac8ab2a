import Cypher from "@neo4j/cypher-builder";
import { Label, RelType } from "../../graph/model.js";
import { byNameId, byStartId, everyNode, mentionsOf, neighbours, quoteMentions } from "../../data/patterns.js";
import { assertOptionalId } from "../../shared/ids.js";
import { connection, nodeById, nodeOf, object, relation, value, type RelationSource, type Scope, type Sources } from "../../data/source.js";

/**
 * Entities of `label` mentioned in the passages a person said (or, `mirror`, people whose passages
 * mention an entity): most mentions first, then by name and id; each with its mentions in document
 * order. The mentions are walked once and grouped.
 */
export function references(label: string, mirror = false): RelationSource {
  return relation({
    // `documentId` (on the fields that take it): only mentions in that document's passages.
    args: (args) => ({ documentId: assertOptionalId(args.documentId, "documentId") }),
    rows: (scope, params) => {
      const pa = new Cypher.Node();
      const m = new Cypher.Relationship();
      const other = new Cypher.Node();
      const said = new Cypher.Relationship();
      const pattern = mirror
        ? new Cypher.Pattern(nodeOf(scope)).related(m, { type: RelType.MENTIONS, direction: "left" }).to(pa, { labels: [Label.Passage] })
            .related(said, { type: RelType.SAID, direction: "left" }).to(other, { labels: [Label.Person] })
        : new Cypher.Pattern(nodeOf(scope)).related(said, { type: RelType.SAID }).to(pa, { labels: [Label.Passage] })
            .related(m, { type: RelType.MENTIONS }).to(other, { labels: [label] });
      const mentions = new Cypher.Variable();
      const mention = new Cypher.Map({ surface: m.property("surface"), start: m.property("start"), end: m.property("end"), passageId: pa.property("id") });
      const inDocument = Cypher.or(Cypher.isNull(params.documentId!), Cypher.eq(pa.property("documentId"), params.documentId!));
      const clause = Cypher.utils.concat(
        new Cypher.Match(pattern).where(inDocument),
        new Cypher.With(other, m, pa).orderBy(m.property("start")),
        new Cypher.With(other, [Cypher.collect(mention), mentions]).orderBy(
          [Cypher.size(mentions), "DESC"],
          other.property("name"),
          other.property("id"),
        ),
      );
      return { clause, scope: { entity: other, mentions } };
    },
  });
}

/** A reference row: the entity (under `field`), how often, and the mentions behind it. */
function referenceFields(field: string) {
  return {
    [field]: object((s: Scope) => ({ node: s.entity! })),
    mentionCount: value((s) => Cypher.size(s.mentions!)),
    evidence: mentionsOf((s) => s.mentions!, { first: true }),
  };
}

/** How people and their references are read (see data/source.ts). */
export const personRelations: Sources = {
  Query: {
    person: nodeById(Label.Person),
    people: everyNode(Label.Person, byNameId),
    speakers: connection({
      match: () => {
        const n = new Cypher.Node();
        const spoke = new Cypher.Pattern(n).related({ type: RelType.SPOKE_AT }).to({ labels: [Label.Event] });
        return { pattern: new Cypher.Pattern(n, { labels: [Label.Person] }), where: new Cypher.Exists(new Cypher.Match(spoke)), node: n };
      },
      order: byNameId,
    }),
  },
  Person: {
    affiliations: neighbours({ type: RelType.AFFILIATED_WITH, direction: "out", label: Label.Organisation, order: byNameId }),
    roles: relation({
      rows: (scope) => {
        const r = new Cypher.Relationship();
        const e = new Cypher.Node();
        const clause = Cypher.utils.concat(
          new Cypher.Match(new Cypher.Pattern(nodeOf(scope)).related(r, { type: RelType.SPOKE_AT }).to(e, { labels: [Label.Event] })),
          new Cypher.With(r, e).orderBy(e.property("date"), e.property("id")),
        );
        return { clause, scope: { rel: r, event: e } };
      },
    }),
    referencedOrganisations: references(Label.Organisation),
    referencedCountries: references(Label.Country),
    referencedRegions: references(Label.Region),
    referencedPeople: references(Label.Person),
    referencedPrograms: references(Label.Program),
    positions: relation({
      rows: (scope) => {
        const r = new Cypher.Relationship();
        const o = new Cypher.Node();
        const clause = Cypher.utils.concat(
          new Cypher.Match(new Cypher.Pattern(nodeOf(scope)).related(r, { type: RelType.AFFILIATED_WITH }).to(o, { labels: [Label.Organisation] })),
          new Cypher.With(r, o).orderBy(Cypher.coalesce(r.property("former"), new Cypher.Literal(false)), o.property("name"), o.property("id")),
        );
        return { clause, scope: { rel: r, organisation: o } };
      },
    }),
    passages: connection({
      match: (scope) => {
        const n = new Cypher.Node();
        return { pattern: new Cypher.Pattern(nodeOf(scope)).related({ type: RelType.SAID }).to(n, { labels: [Label.Passage] }), node: n };
      },
      order: byStartId,
    }),
    claims: connection({
      match: (scope) => {
        const n = new Cypher.Node();
        return { pattern: new Cypher.Pattern(nodeOf(scope)).related({ type: RelType.MADE }).to(n, { labels: [Label.Claim] }), node: n };
      },
      order: byStartId,
    }),
  },
  EventRole: {
    role: value((s) => (s.rel as Cypher.Relationship).property("role")),
    event: object((s) => ({ node: s.event! })),
  },
  OrganisationReference: referenceFields("organisation"),
  CountryReference: referenceFields("country"),
  PersonReference: referenceFields("person"),
  RegionReference: referenceFields("region"),
  ProgramReference: referenceFields("program"),
  Position: {
    organisation: object((s) => ({ node: s.organisation! })),
    title: value((s) => (s.rel as Cypher.Relationship).property("title")),
    former: value((s) => Cypher.coalesce((s.rel as Cypher.Relationship).property("former"), new Cypher.Literal(false))),
    evidence: quoteMentions(),
  },
};
